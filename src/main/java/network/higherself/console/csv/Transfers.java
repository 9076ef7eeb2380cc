package network.higherself.console.csv;

/** The console's data out and in, as CSV: a board's cards out and in, the audit trail out (wired in app/Services). */
public record Transfers(CardExport cards, CardImport imports, AuditExport audit) {
}
