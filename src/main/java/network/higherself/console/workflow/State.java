package network.higherself.console.workflow;

/** One state of a workflow: a column of its board. */
public record State(String id, String description) {

    /** The state's id as people read it: {@code quote_provided} becomes "Quote provided". */
    public String label() {
        return Labels.humanize(id);
    }
}
