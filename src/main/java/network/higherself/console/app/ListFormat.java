package network.higherself.console.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import network.higherself.console.workflow.Escaping;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * How {@code list} writes cards (id, state, title), so that no title, whatever it holds, can forge a line or a
 * field: in text and tsv, control characters are escaped ({@link Escaping}); csv quotes by RFC 4180 (Apache
 * Commons CSV); json escapes by the JSON grammar (Jackson).
 */
enum ListFormat {

    /** For people: one card a line, its fields separated by tabs, escaped. */
    TEXT {
        @Override
        Rows open(PrintWriter out) {
            return escapedLines(out);
        }
    },
    /** Tab-separated values with a header line, escaped as the text format is (as PostgreSQL's COPY does). */
    TSV {
        @Override
        Rows open(PrintWriter out) {
            out.println(String.join("\t", HEADER));
            return escapedLines(out);
        }
    },
    /** Comma-separated values with a header line, RFC 4180 (fields with commas, quotes or line breaks are quoted). */
    CSV {
        @Override
        Rows open(PrintWriter out) throws IOException {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            return new Rows() {
                @Override
                public void row(long id, String state, String title) throws IOException {
                    csv.printRecord(id, state, title);
                }

                @Override
                public void close() throws IOException {
                    csv.flush(); // not close: the stream is the command line's
                }
            };
        }
    },
    /** A JSON array of objects with "id", "state" and "title". */
    JSON {
        @Override
        Rows open(PrintWriter out) throws IOException {
            JsonGenerator json = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartArray();
            return new Rows() {
                @Override
                public void row(long id, String state, String title) throws IOException {
                    json.writeStartObject();
                    json.writeNumberField(HEADER[0], id);
                    json.writeStringField(HEADER[1], state);
                    json.writeStringField(HEADER[2], title);
                    json.writeEndObject();
                }

                @Override
                public void close() throws IOException {
                    json.writeEndArray();
                    json.close();
                    out.println();
                }
            };
        }
    };

    private static final String[] HEADER = {"id", "state", "title"};

    /** Where the rows of one listing go; closing ends the listing (not the stream). */
    interface Rows extends AutoCloseable {
        void row(long id, String state, String title) throws IOException;

        @Override
        void close() throws IOException;
    }

    abstract Rows open(PrintWriter out) throws IOException;

    private static Rows escapedLines(PrintWriter out) {
        return new Rows() {
            @Override
            public void row(long id, String state, String title) {
                out.println(id + "\t" + Escaping.controls(state) + "\t" + Escaping.controls(title));
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }
}
