package network.higherself.console.move;

import network.higherself.console.workflow.Transition;

/**
 * What firing {@code transition} on a card would meet now, asked of the change pipeline without writing anything
 * ({@link CardService#check}), so that a board offers only what will work: the person may fire it and it will go
 * ({@link Verdict#OPEN}), the person may fire it but its guard or the target column's hard limit will refuse it
 * ({@link Verdict#LOCKED}, {@code reason} says why), or the person may not fire it ({@link Verdict#FORBIDDEN}).
 */
public record MoveCheck(Transition transition, Verdict verdict, String reason) {

    public enum Verdict { OPEN, LOCKED, FORBIDDEN }

    public boolean isOpen() {
        return verdict == Verdict.OPEN;
    }
}
