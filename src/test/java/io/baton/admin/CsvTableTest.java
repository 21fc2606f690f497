package io.baton.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void plainValuesStayAsTheyAre() {
        assertThat(CsvTable.field("RECORD")).isEqualTo("RECORD");
        assertThat(CsvTable.field(42)).isEqualTo("42");
        assertThat(CsvTable.field(null)).isEmpty();
        assertThat(CsvTable.field("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(CsvTable.field("Email: invalid, twice")).isEqualTo("\"Email: invalid, twice\"");
        assertThat(CsvTable.field("the \"Trade Show\" value")).isEqualTo("\"the \"\"Trade Show\"\" value\"");
        assertThat(CsvTable.field("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(CsvTable.field("a\r\nb")).isEqualTo("\"a\r\nb\"");
        assertThat(CsvTable.field("\"")).isEqualTo("\"\"\"\"");
        assertThat(CsvTable.field(" padded ")).as("spreadsheets trim unquoted spaces").isEqualTo("\" padded \"");
    }

    @Test
    void rowsEndWithCrlfAndKeepEmptyFields() throws Exception {
        StringWriter out = new StringWriter();
        CsvTable csv = new CsvTable(out);

        csv.row(List.of("id", "reason"));
        csv.row(Arrays.asList(7, null, "x,\"y\"\nz"));

        assertThat(out.toString()).isEqualTo("id,reason\r\n7,,\"x,\"\"y\"\"\nz\"\r\n");
    }
}
