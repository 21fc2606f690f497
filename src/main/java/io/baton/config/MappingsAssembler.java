package io.baton.config;

import io.baton.core.mapping.CreationPolicy;
import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.InclusionFilter;
import io.baton.core.mapping.LifecycleStage;
import io.baton.core.mapping.LifecycleValueMap;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.OwnerMapping;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.SyncRule;
import io.baton.core.mapping.Transform;
import io.baton.core.mapping.ValueMap;
import io.baton.core.mapping.ValueTranslation;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the bound {@code baton.mappings.*} and {@code baton.lifecycle.*} records into the core's
 * {@link Mappings}. The names in them have been checked by {@link ReferenceChecks} at startup, so a
 * bad name here is a programming error and throws. The owner translation starts with the policy
 * alone; {@link Mappings#withOwners} adds the owners and users once they have been read.
 */
public final class MappingsAssembler {

    private MappingsAssembler() {
    }

    /** The core mappings; the creation policy ignores the built-in free-mail domains and the configured ones. */
    public static Mappings assemble(MappingsProperties mappings, LifecycleProperties lifecycle) {
        Set<String> freeMail = new java.util.TreeSet<>(CreationPolicy.DEFAULT_FREE_MAIL);
        orEmpty(mappings.freeMailDomains()).forEach(d -> freeMail.add(d.trim().toLowerCase(java.util.Locale.ROOT)));
        return assemble(mappings, lifecycle, freeMail);
    }

    /** The core mappings, ignoring {@code freeMailDomains} when matching an email domain to an Account. */
    public static Mappings assemble(MappingsProperties mappings, LifecycleProperties lifecycle,
                                    Set<String> freeMailDomains) {
        LifecycleValueMap stages = new LifecycleValueMap(stages(lifecycle));
        Map<String, ValueTranslation> translations = new LinkedHashMap<>();
        orEmpty(mappings.valueMaps()).forEach((name, pairs) -> translations.put(name, new ValueMap(name,
                pairs.stream().map(p -> new ValueMap.Pair(p.hubspot(), p.salesforce())).toList())));
        translations.put(Mappings.OWNERS, owners(mappings.owners()));
        translations.put(Mappings.LIFECYCLE, stages);
        List<FieldMapping> fields = orEmpty(mappings.fields()).stream().map(MappingsAssembler::field).toList();
        CreationPolicy.Mode mode = CreationPolicy.Mode.valueOf(Optional.ofNullable(mappings.creationPolicy())
                .orElse(MappingsProperties.CreationPolicy.MATCH_ACCOUNT_DOMAIN).name());
        return new Mappings(fields, Optional.ofNullable(mappings.tieBreaker()).orElse(io.baton.core.record.Side.SALESFORCE),
                translations, inclusion(mappings.include(), lifecycle, stages),
                new CreationPolicy(mode, freeMailDomains));
    }

    /** The delete policy of one direction; absent settings mean {@code archive-only}, which deletes nothing. */
    public static io.baton.core.mapping.DeletePolicy deletes(MappingsProperties mappings, io.baton.core.record.Side deletedOn) {
        MappingsProperties.Deletes deletes = mappings.deletes();
        MappingsProperties.DeletePolicy policy = deletes == null ? null
                : deletedOn == io.baton.core.record.Side.HUBSPOT ? deletes.hubspotToSalesforce() : deletes.salesforceToHubspot();
        return io.baton.core.mapping.DeletePolicy.valueOf(
                Optional.ofNullable(policy).orElse(MappingsProperties.DeletePolicy.ARCHIVE_ONLY).name());
    }

    /** The lifecycle's stages as the core takes them: forward stages in order, then the exits. */
    public static List<LifecycleStage> stages(LifecycleProperties lifecycle) {
        return Stream.concat(
                orEmpty(lifecycle.stages()).stream().map(s -> LifecycleStage.forward(s.name(), s.hubspot(), s.salesforce())),
                orEmpty(lifecycle.exits()).stream().map(s -> LifecycleStage.exit(s.name(), s.hubspot(), s.salesforce())))
                .toList();
    }

    private static FieldMapping field(MappingsProperties.FieldMapping f) {
        SyncRule rule = SyncRule.valueOf(f.rule().name());
        List<Transform> transforms = orEmpty(f.transform()).stream().map(Transform::parse).toList();
        Set<SalesforceType> appliesTo = f.appliesTo() == null || f.appliesTo().isEmpty()
                ? EnumSet.allOf(SalesforceType.class)
                : EnumSet.copyOf(f.appliesTo().stream().map(o -> SalesforceType.valueOf(o.name())).toList());
        Optional<String> valueMap = Optional.ofNullable(f.valueMap()).map(String::strip).filter(s -> !s.isEmpty());
        return new FieldMapping(f.hubspot(), f.salesforce(), rule, valueMap, transforms, appliesTo);
    }

    private static OwnerMapping owners(MappingsProperties.Owners owners) {
        if (owners == null) {
            return OwnerMapping.of(OwnerMapping.Match.BY_EMAIL, Optional.empty(), Optional.empty());
        }
        OwnerMapping.Match match = owners.match() == MappingsProperties.OwnerMatch.NONE
                ? OwnerMapping.Match.NONE : OwnerMapping.Match.BY_EMAIL;
        return OwnerMapping.of(match, blankToEmpty(owners.fallbackOwner()), blankToEmpty(owners.fallbackQueue()));
    }

    private static InclusionFilter inclusion(MappingsProperties.Inclusion include, LifecycleProperties lifecycle,
                                             LifecycleValueMap stages) {
        Optional<String> minStage = include == null ? Optional.empty() : blankToEmpty(include.minStage());
        List<InclusionFilter.Condition> conditions = include == null ? List.of() : orEmpty(include.conditions()).stream()
                .map(c -> new InclusionFilter.Condition(c.property(),
                        InclusionFilter.Operator.valueOf(c.operator().name()), orEmpty(c.values())))
                .toList();
        return new InclusionFilter(lifecycle.hubspotProperty(), stages, minStage, conditions);
    }

    private static Optional<String> blankToEmpty(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
