package network.higherself.console.card;

/** The kinds of wellness service. */
public enum ServiceKind {
    TREATMENT, RETREAT, CLASS
}
