package network.higherself.console.csv;

/** How a long export or import says how far it has got, and hears that the person wants it stopped. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void at(String what, long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} (0 when not known yet) of {@code what}, in words ("Checking rows"). */
    void at(String what, long done, long total);

    /** Whether to stop: an export then leaves no file, an import writes nothing. */
    boolean cancelled();
}
