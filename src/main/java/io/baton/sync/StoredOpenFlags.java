package io.baton.sync;

import io.baton.alerts.AlertedFlag;
import io.baton.alerts.OpenFlags;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import io.baton.store.LeakFlag;
import io.baton.store.LeakFlagRepository;
import java.util.List;
import java.util.Optional;

/** The alerts' view of the open flags, read from the flag store the leak scan keeps. */
final class StoredOpenFlags implements OpenFlags {

    private final LeakFlagRepository flags;

    StoredOpenFlags(LeakFlagRepository flags) {
        this.flags = flags;
    }

    @Override
    public List<AlertedFlag> open() {
        return flags.listOpen().stream().map(StoredOpenFlags::view).toList();
    }

    static AlertedFlag view(LeakFlag flag) {
        Optional<String> hubspot = flag.hubspotId()
                .or(() -> Optional.of(flag.record()).filter(r -> r.side() == Side.HUBSPOT).map(RecordRef::id));
        Optional<RecordRef> salesforce = flag.salesforce()
                .or(() -> Optional.of(flag.record()).filter(r -> r.side() == Side.SALESFORCE));
        return new AlertedFlag(flag.id(), flag.kind(), flag.rule(), hubspot, salesforce.map(RecordRef::id),
                salesforce.map(RecordRef::type), flag.ownerEmail(), flag.stage(), flag.openedAt(),
                flag.dueAt().orElse(flag.openedAt()), Math.max(1, Math.min(2, flag.level())),
                flag.cause().or(flag::detail));
    }
}
