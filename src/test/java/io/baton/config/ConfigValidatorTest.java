package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad configuration, each over the shipped files with one edit. */
class ConfigValidatorTest {

    @TempDir
    Path dir;

    private ConfigFixture config() {
        return new ConfigFixture(dir);
    }

    @Test
    void misspelledKeyIsUnknownWithASuggestion() {
        List<String> messages = config().edit("application.yml", "    access-token:", "    acess-token:").messages();

        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/application.yml: baton.hubspot.acess-token: unknown key (did you mean 'access-token'?) [line 33]"));
    }

    @Test
    void unknownKeysAreFoundInEveryFileAndInsideListItems() {
        List<String> messages = config()
                .edit("mappings.yml", "    tie-breaker:", "    tiebraker:")
                .edit("mappings.yml", "        rule: two-way", "        rules: two-way")
                .edit("lifecycle.yml", "    handoff:", "    handof:")
                .edit("leakage.yml", "        sla: 4h", "        sla: 4h\n        colour: red")
                .edit("application.yml", "  sync:", "  synk:")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/mappings.yml: baton.mappings.tiebraker: unknown key (did you mean 'tie-breaker'?)"));
        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/mappings.yml: baton.mappings.fields[0].rules: unknown key (did you mean 'rule'?)"));
        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/lifecycle.yml: baton.lifecycle.handof: unknown key (did you mean 'handoff'?)"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.rules[0].colour: unknown key"));
        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/application.yml: baton.synk: unknown key (did you mean 'sync'?)"));
    }

    @Test
    void frameworkKeysAndRelaxedSpellingsAreNotOurs() {
        List<String> messages = config()
                .edit("application.yml", "spring:\n", "spring:\n  colour: red\n")
                .edit("application.yml", "logging:\n", "logging:\n  levels: x\n")
                .edit("application.yml", "      raw-payload: true", "      raw-payload: true\n      nonsense: 1")
                .edit("application.yml", "    timeout: 30s", "    timeOut: 30s")
                .messages();

        assertThat(messages).isEmpty();
    }

    @Test
    void unknownRuleIsNamedWithTheNearestRule() {
        List<String> messages = config().edit("mappings.yml", "rule: prefer-salesforce-unless-blank", "rule: two_way")
                .messages();

        assertThat(messages).singleElement().asString().startsWith(
                "config/mappings.yml: baton.mappings.fields[3].rule: unknown rule 'two_way' (did you mean 'two-way'?) [line ");
    }

    @Test
    void unknownEnumValueWithoutNearMatchListsTheChoices() {
        List<String> messages = config().edit("mappings.yml", "creation-policy: match-account-domain",
                "creation-policy: whatever").messages();

        assertThat(messages).singleElement().asString().contains("baton.mappings.creation-policy: unknown creation-policy "
                + "'whatever' (one of match-account-domain, always-lead, always-contact)");
    }

    @Test
    void unknownTransformAndUnknownValueMapAreReported() {
        List<String> messages = config()
                .edit("mappings.yml", "transform: [trim, lower-case]", "transform: [trim, lowercase, truncate]")
                .edit("mappings.yml", "value-map: lead-source", "value-map: lead-sources")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/mappings.yml: baton.mappings.fields[0].transform[1]: unknown transform 'lowercase' (did you mean 'lower-case'?)"));
        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/mappings.yml: baton.mappings.fields[0].transform[2]: unknown transform 'truncate' (write 'truncate:N'"));
        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/mappings.yml: baton.mappings.fields[7].value-map: unknown value map 'lead-sources' (did you mean 'lead-source'?)"));
    }

    @Test
    void aHubSpotValueMappedToTwoSalesforceValuesIsReported() {
        List<String> messages = config()
                .edit("mappings.yml", "        - hubspot: EMAIL_MARKETING", "        - hubspot: OFFLINE")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/mappings.yml: baton.mappings.value-maps.lead-source[")
                && m.contains("HubSpot value 'OFFLINE' already maps to 'Phone Inquiry'; it cannot also map to 'Purchased List'"));
    }

    @Test
    void stagesMustBeDefinedInLifecycleWhereverTheyAreReferenced() {
        List<String> messages = config()
                .edit("mappings.yml", "min-stage: mql", "min-stage: MQL-stage")
                .edit("leakage.yml", "stage: sql", "stage: sqll")
                .edit("lifecycle.yml", "to: recycled", "to: recycle")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/mappings.yml: baton.mappings.include.min-stage: "
                + "stage 'MQL-stage' is not defined in config/lifecycle.yml"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.rules[2].stage: "
                + "stage 'sqll' is not defined in config/lifecycle.yml (did you mean 'sql'?)"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/lifecycle.yml: baton.lifecycle.moves.allowed[1].to: "
                + "stage 'recycle' is not defined in config/lifecycle.yml (did you mean 'recycled'?)"));
    }

    @Test
    void badDurationsAreReportedWithTheirFormat() {
        List<String> messages = config()
                .edit("application.yml", "timeout: 30s", "timeout: 30 seconds")
                .edit("leakage.yml", "sla: 4h", "sla: four hours")
                .edit("application.yml", "retry-interval: 1m", "retry-interval: -1m")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/application.yml: baton.hubspot.timeout: bad duration '30 seconds' (write e.g. 500ms, 30s"));
        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/leakage.yml: baton.leakage.rules[0].sla: bad duration 'four hours'"));
        assertThat(messages).anyMatch(m -> m.startsWith(
                "config/application.yml: baton.alerts.retry-interval: must be a duration longer than zero"));
    }

    @Test
    void anEscalationMultipleOfOneOrLessIsReported() {
        assertThat(config().edit("leakage.yml", "multiple: 2", "multiple: 1").messages()).anyMatch(m -> m.startsWith(
                "config/leakage.yml: baton.leakage.escalation.multiple: must be more than 1 (times the SLA)"));
    }

    @Test
    void quietHoursThatStartWhereTheyEndAreReported() {
        List<String> messages = config()
                .edit("leakage.yml", "# start: \"20:00\"", "start: \"20:00\"")
                .edit("leakage.yml", "# end: \"07:00\"", "end: \"20:00\"")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.quiet-hours.end: "
                + "must differ from start (20:00); for no quiet hours leave both out"));
    }

    @Test
    void quietHoursWithAStartButNoEndAreReported() {
        assertThat(config().edit("leakage.yml", "# start: \"20:00\"", "start: \"20:00\"").messages())
                .anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.quiet-hours.end: "
                        + "missing: quiet hours need an end as well as a start"));
    }

    @Test
    void quietHoursWithAnEndButNoStartAreReported() {
        assertThat(config().edit("leakage.yml", "# end: \"07:00\"", "end: \"07:00\"").messages())
                .anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.quiet-hours.start: "
                        + "missing: quiet hours need a start as well as an end"));
    }

    @Test
    void anUnquotedQuietHoursTimeIsReportedAsNeedingQuotes() {
        List<String> messages = config()
                .edit("leakage.yml", "# start: \"20:00\"", "start: 20:00")
                .edit("leakage.yml", "# end: \"07:00\"", "end: \"07:00\"")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.quiet-hours.start: "
                + "time 20:00 must be quoted: unquoted, YAML reads it as the number 1200 (write \"20:00\")"));
        assertThat(messages).noneMatch(m -> m.contains("quiet-hours.end"));
    }

    @Test
    void quietHoursAndDryRunInTheShippedShapeAreValid() {
        List<String> messages = config()
                .edit("leakage.yml", "# start: \"20:00\"", "start: \"20:00\"")
                .edit("leakage.yml", "# end: \"07:00\"", "end: \"07:00\"")
                .edit("leakage.yml", "weekends: false", "weekends: true")
                .edit("leakage.yml", "dry-run: false", "dry-run: true")
                .messages();

        assertThat(messages).isEmpty();
    }

    @Test
    void recordLinksNeedAnIdKnownPlaceholdersAndThePortalTheyUse() {
        List<String> messages = config()
                .edit("leakage.yml", "record/0-1/{id}", "record/0-1/{recordId}")
                .edit("leakage.yml", "hubspot-portal: \"12345678\"", "hubspot-portal: \"\"")
                .edit("leakage.yml", "salesforce: \"https://example.my.salesforce.com/lightning/r/{type}/{id}/view\"",
                        "salesforce: \"example.my.salesforce.com/{id}\"")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.links.hubspot: "
                + "unknown placeholder {recordId}"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.links.hubspot-portal: "
                + "missing: the HubSpot link uses {portal}"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.links.salesforce: "
                + "must be an http(s) address"));
    }

    @Test
    void twoDigestsOfOneNameAreReported() {
        List<String> messages = config().edit("leakage.yml", "        addresses: []                    # fixed addresses, in addition to recipients\n",
                "        addresses: []\n      - name: morning\n        cron: \"0 0 17 * * *\"\n").messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.digests[1].name: "
                + "digest name 'morning' is used twice (also at baton.leakage.digests[0].name)"));
    }

    @Test
    void badCronExpressionsAreReported() {
        List<String> messages = config()
                .edit("leakage.yml", "cron: \"0 0 8 * * MON-FRI\"", "cron: \"0 8 * * MON-FRI\"")
                .edit("leakage.yml", "scan-cron: \"0 */15 * * * *\"", "scan-cron: \"0 */15 * * * FUNDAY\"")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.digests[0].cron: "
                + "bad cron expression '0 8 * * MON-FRI': ") && m.contains("6 fields"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.scan-cron: bad cron expression"));
    }

    @Test
    void aFieldMappedToTwoPlacesIsReported() {
        List<String> messages = config()
                .edit("mappings.yml", "salesforce: Phone", "salesforce: Title")
                .edit("mappings.yml", "hubspot: jobtitle", "hubspot: email")
                .messages();

        assertThat(messages).containsExactlyInAnyOrder(
                messageAt(messages, "baton.mappings.fields[5].hubspot"),
                messageAt(messages, "baton.mappings.fields[5].salesforce"));
        assertThat(messageAt(messages, "baton.mappings.fields[5].hubspot")).startsWith(
                "config/mappings.yml: baton.mappings.fields[5].hubspot: HubSpot property 'email' is mapped twice "
                        + "(also at baton.mappings.fields[0].hubspot)");
        assertThat(messageAt(messages, "baton.mappings.fields[5].salesforce")).startsWith(
                "config/mappings.yml: baton.mappings.fields[5].salesforce: Salesforce field 'Lead.Title' is mapped twice "
                        + "(also at baton.mappings.fields[4].salesforce)");
    }

    @Test
    void aMappingOfAFieldTheLifecycleMovesIsReported() {
        List<String> messages = config()
                .edit("mappings.yml", "hubspot: jobtitle\n        salesforce: Title", "hubspot: lifecyclestage\n        salesforce: Title")
                .edit("mappings.yml", "hubspot: phone\n        salesforce: Phone", "hubspot: phone\n        salesforce: Status")
                .messages();

        assertThat(messages).containsExactlyInAnyOrder(
                "config/mappings.yml: baton.mappings.fields[4].salesforce: 'Status' is moved by the shared lifecycle "
                        + "(config/lifecycle.yml); remove this mapping" + lineOf(messages, "fields[4].salesforce"),
                "config/mappings.yml: baton.mappings.fields[5].hubspot: 'lifecyclestage' is moved by the shared lifecycle "
                        + "(config/lifecycle.yml); remove this mapping" + lineOf(messages, "fields[5].hubspot"));
    }

    @Test
    void constraintViolationsAndMissingRequiredValuesAreReported() {
        List<String> messages = config()
                .edit("mappings.yml", "        salesforce: FirstName\n", "")
                .edit("application.yml", "from: baton@localhost", "from: not-an-address")
                .edit("leakage.yml", "start: \"09:00\"", "start: \"18:00\"")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/mappings.yml: baton.mappings.fields[1].salesforce: must not be blank"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/application.yml: baton.mail.from: must be a well-formed email address"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.calendar.working-hours.end: must be after start"));
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() {
        List<ConfigProblem> problems = config()
                .unset("HUBSPOT_ACCESS_TOKEN")
                .edit("application.yml", "inventory-interval: 1m", "inventory-interval: often")
                .edit("mappings.yml", "rule: always-salesforce", "rule: salesforce-wins")
                .edit("lifecycle.yml", "stage: mql", "stage: marketing")
                .edit("leakage.yml", "time-zone: Europe/Berlin", "time-zone: Mars/Olympus")
                .problems();

        assertThat(problems).extracting(ConfigProblem::file).containsExactlyInAnyOrder("config/application.yml",
                "config/application.yml", "config/mappings.yml", "config/lifecycle.yml", "config/leakage.yml");
        assertThat(InvalidConfigurationException.describe(problems)).startsWith("Baton's configuration has 5 problems:\n  config/");
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        List<String> messages = config()
                .edit("application.yml", "${HUBSPOT_ACCESS_TOKEN}", "${HUBSPOT_ACCESS_TOKEN}\n    acces-token: ${SALESFORCE_PASSWORD}")
                .edit("application.yml", "base-url: https://api.hubapi.com", "base-url: \"${BATON_ADMIN_PASSWORD} x\"")
                .edit("application.yml", "timeout: 30s", "timeout: ${SALESFORCE_CLIENT_SECRET}")
                .edit("application.yml", "api-version: \"60.0\"", "api-version: ${SALESFORCE_CLIENT_ID}")
                .messages();

        assertThat(messages).hasSizeGreaterThanOrEqualTo(3);
        for (String secret : ConfigFixture.SECRETS.values()) {
            assertThat(messages).noneMatch(m -> m.contains(secret) || m.contains(secret.substring(0, 10)));
        }
    }

    @Test
    void anUnresolvablePlaceholderNamesItsVariable() {
        List<String> messages = config().edit("application.yml", "from: baton@localhost", "from: ${BATON_MAIL_FROM}")
                .messages();

        assertThat(messages).singleElement().asString().startsWith("config/application.yml: baton.mail.from: "
                + "unresolved placeholder ${BATON_MAIL_FROM}: set the environment variable BATON_MAIL_FROM");
    }

    @Test
    void aLifecycleValueMeaningTwoStagesIsReported() {
        List<String> messages = config()
                .edit("lifecycle.yml", "hubspot-lead-status: [UNQUALIFIED]", "hubspot-lead-status: [CONNECTED]")
                .edit("lifecycle.yml", "salesforce: Recycled", "salesforce: SQL")
                .edit("lifecycle.yml", "salesforce-opportunity: won", "salesforce-opportunity: open")
                .edit("lifecycle.yml", "        hubspot-lead-status: [BAD_TIMING]\n", "")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/lifecycle.yml: baton.lifecycle.exits[0].hubspot-lead-status[0]: "
                + "'CONNECTED' already means another stage (at baton.lifecycle.stages[3].hubspot-lead-status[2])"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/lifecycle.yml: baton.lifecycle.exits[1].salesforce: "
                + "'SQL' already means another stage (at baton.lifecycle.stages[4].salesforce)"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/lifecycle.yml: baton.lifecycle.stages[6].salesforce-opportunity: "
                + "'open' already means another stage"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/lifecycle.yml: baton.lifecycle.exits[1].hubspot: 'lead' already "
                + "means another stage (at baton.lifecycle.stages[1].hubspot): list hubspot-lead-status values"));
        assertThat(messages).hasSize(4);
    }

    @Test
    void anUnknownOpportunitySignalOrBackwardMovesSettingListsTheChoices() {
        List<String> messages = config()
                .edit("lifecycle.yml", "salesforce-opportunity: won", "salesforce-opportunity: closed-won")
                .edit("lifecycle.yml", "backward-moves: correct", "backward-moves: revert")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/lifecycle.yml: baton.lifecycle.stages[6].salesforce-opportunity: "
                + "unknown salesforce-opportunity 'closed-won'"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/lifecycle.yml: baton.lifecycle.backward-moves: "
                + "unknown backward-move 'revert' (one of correct, flag)"));
    }

    @Test
    void queueAndRoundRobinAssignmentNeedTheirLists() {
        assertThat(config().edit("lifecycle.yml", "assign: owner-mapping", "assign: queue").messages())
                .singleElement().asString().startsWith("config/lifecycle.yml: baton.lifecycle.handoff.queue: "
                        + "missing: assign is 'queue', so name the Salesforce queue");
        assertThat(new ConfigFixture(dir.resolve("round-robin")).edit("lifecycle.yml", "assign: owner-mapping",
                "assign: round-robin").messages())
                .singleElement().asString().startsWith("config/lifecycle.yml: baton.lifecycle.handoff.users: "
                        + "missing: assign is 'round-robin', so list the users' emails");
        assertThat(new ConfigFixture(dir.resolve("users")).edit("lifecycle.yml", "assign: owner-mapping",
                "assign: round-robin\n      users: [ann@example.com]")
                .messages()).isEmpty();
    }

    private static String messageAt(List<String> messages, String key) {
        return messages.stream().filter(m -> m.contains(": " + key + ": ")).findFirst().orElse("none at " + key);
    }

    /** The " [line N]" suffix the validator added to the message about {@code key}, if any. */
    private static String lineOf(List<String> messages, String key) {
        return messages.stream().filter(m -> m.contains(key + ":")).findFirst()
                .map(m -> m.contains(" [line ") ? m.substring(m.lastIndexOf(" [line ")) : "").orElse("");
    }

    @Test
    void leakRulesWithTwiceTheSameNameOrNoSlaAreReported() {
        List<String> messages = config()
                .edit("leakage.yml", "name: stale-sal", "name: stale-sql")
                .edit("leakage.yml", "sla: 30m", "sla: 0m")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.rules[3].name: "
                + "rule name 'stale-sql' is used twice (also at baton.leakage.rules[2].name)"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.rules[1].sla: "
                + "must be a duration longer than zero"));
    }

    @Test
    void aLeakRuleKindMustBeKnownAndANurtureRuleNeedsItsCondition() {
        List<String> messages = config()
                .edit("leakage.yml", "kind: stale\n", "kind: stale-lead\n")
                .edit("leakage.yml", "          operator: equals               # a checkbox a nurture workflow sets "
                        + "(create it in HubSpot)\n          values: [\"true\"]\n", "          operator: equals\n")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.rules[2].kind: unknown kind "
                + "'stale-lead'"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.rules[5].nurture.values: "
                + "missing: 'equals' compares with values"));
    }

    @Test
    void aRecycledRuleWithoutNurtureAndAMissingRuleOnAStageHubSpotLacksAreReported() {
        List<String> messages = config()
                .edit("leakage.yml", "        nurture:                         # what \"enrolled in nurture\" means: a HubSpot property condition\n"
                        + "          property: baton_in_nurture     # operators: equals | not-equals (any of values) | is-set | is-blank\n"
                        + "          operator: equals               # a checkbox a nurture workflow sets (create it in HubSpot)\n"
                        + "          values: [\"true\"]\n", "")
                .edit("leakage.yml", "        kind: mql-not-in-salesforce\n        stage: mql",
                        "        kind: mql-not-in-salesforce\n        stage: sal")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.rules[5].nurture: "
                + "missing: recycled-without-nurture needs"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/leakage.yml: baton.leakage.rules[1].stage: "
                + "stage 'sal' has no HubSpot value in config/lifecycle.yml"));
    }
}
