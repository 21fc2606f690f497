package io.baton.sandbox.seed;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Makes realistic, repeatable people: unicode and apostrophe names, mixed-case and plus-addressed
 * emails, missing phones and companies, a lifecycle mix weighted towards the top of the funnel.
 * Every email it hands out is unique ignoring case, as HubSpot requires.
 */
final class PersonGenerator {

    private static final List<String> FIRST = List.of(
            "Ann", "Bryan", "Chloé", "Dmitri", "Eva", "François", "Grace", "Hiro", "Ingrid", "Jürgen", "Kofi",
            "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Søren", "Tomás", "Uma", "Vikram",
            "Wei", "Ximena", "Yusuf", "Zoë", "Łukasz", "Ana-María", "Seán", "Émilie", "李", "Ólafur");
    private static final List<String> LAST = List.of(
            "Lee", "Cooper", "Müller", "O'Brien", "Nguyen", "García", "Kowalski", "Smith", "Johansson", "Rossi",
            "Dubois", "Tanaka", "Okafor", "Schmidt", "Novák", "Fernández", "Ivanova", "Haddad", "Costa", "Brown",
            "van der Berg", "Øberg", "Çelik", "王", "Mac Giolla", "Ng", "Park", "Silva", "Moreau", "Kim");
    private static final List<String> COMPANIES = List.of(
            "Acme", "Biglytics", "Initech", "Globex", "Umbrella Health", "Stark Logistics", "Wayne Foods",
            "Hooli", "Vandelay Imports", "Soylent Labs", "Nordwind GmbH", "Café Olé", "Øresund Data", "Tyrell",
            "Cyberdyne", "Wonka Retail", "Pied Piper", "Massive Dynamic", "Aperture", "Octan");
    private static final List<String> TITLES = List.of(
            "VP Marketing", "Head of Sales", "CTO", "Operations Manager", "RevOps Lead", "Founder",
            "Procurement Specialist", "Engineer", "CFO", "Marketing Coordinator", "");
    private static final List<String> SOURCES = List.of("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other");
    /** Cumulative weights for subscriber, lead, MQL, SQL, opportunity, customer. */
    private static final double[] STAGE_WEIGHTS = {0.15, 0.50, 0.72, 0.85, 0.93, 1.0};

    private final Random random;
    private final int owners;
    private final Set<String> usedEmails = new HashSet<>();

    PersonGenerator(Random random, int owners) {
        this.random = random;
        this.owners = owners;
    }

    Person next() {
        String first = pick(FIRST);
        String last = pick(LAST);
        String company = pick(COMPANIES);
        return new Person(
                first,
                last,
                uniqueEmail(first, last, company),
                chance(0.10) ? "" : company,
                chance(0.30) ? "" : phone(),
                pick(TITLES),
                stage(),
                random.nextInt(owners),
                pick(SOURCES));
    }

    private String uniqueEmail(String first, String last, String company) {
        String local = ascii(first) + "." + ascii(last);
        if (chance(0.05)) {
            local = local + "+" + pick(List.of("news", "events", "trial"));
        }
        String domain = ascii(company).replace(".", "") + ".example";
        String candidate = local + "@" + domain;
        for (int n = 2; !usedEmails.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = local + n + "@" + domain;
        }
        // Some people type their address with capitals; both CRMs keep what was typed.
        return chance(0.15) ? capitalise(candidate) : candidate;
    }

    private int stage() {
        double roll = random.nextDouble();
        for (int i = 0; i < STAGE_WEIGHTS.length; i++) {
            if (roll < STAGE_WEIGHTS[i]) {
                return i;
            }
        }
        return STAGE_WEIGHTS.length - 1;
    }

    private String phone() {
        return String.format(Locale.ROOT, "+1 %03d %03d %04d", 200 + random.nextInt(700), random.nextInt(1000),
                random.nextInt(10000));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    static String capitalise(String email) {
        return Character.toUpperCase(email.charAt(0)) + email.substring(1);
    }

    /** Folds a name to the ASCII letters an email local part would use ("Zoë Øberg" → "zoe.oberg"). */
    static String ascii(String name) {
        String folded = Normalizer.normalize(name.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L"),
                Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String letters = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return letters.isEmpty() ? "user" + Integer.toHexString(name.hashCode() & 0xffff) : letters;
    }
}
