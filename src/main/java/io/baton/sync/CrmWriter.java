package io.baton.sync;

import io.baton.core.record.RecordWrite;
import io.baton.core.record.WriteResult;
import java.util.List;

/** Writes a page's records to one CRM and answers per record (HubSpotWriter, SalesforceWriter). */
@FunctionalInterface
interface CrmWriter {

    /** One result per write, in order; throws only for failures that condemn the whole page (retried). */
    List<WriteResult> write(List<RecordWrite> writes);
}
