package network.higherself.console.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of a {@link AuditAction#ROLE_RIGHTS_CHANGED} entry: what a role may do on a board after the change,
 * enough to rebuild its row. {@code events} is as the row keeps it: {@code *} for every event, else the event ids
 * separated by commas (empty: none). Written {@code role=FRONT_DESK board=WF-CONSULT view=true create=false
 * edit=true events=terms_agreed,invoice_sent}.
 */
public record RoleRightsEntry(String role, String workflowId, boolean view, boolean create, boolean edit, String events) {

    public String format() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("role", role);
        v.put("board", workflowId);
        v.put("view", Boolean.toString(view));
        v.put("create", Boolean.toString(create));
        v.put("edit", Boolean.toString(edit));
        v.put("events", events);
        return KeyValues.format(v);
    }

    /** @throws IllegalArgumentException when {@code details} is not such an entry's */
    public static RoleRightsEntry parse(String details) {
        Map<String, String> v = KeyValues.parse(details);
        return new RoleRightsEntry(KeyValues.required(v, "role"), KeyValues.required(v, "board"),
                Boolean.parseBoolean(KeyValues.required(v, "view")), Boolean.parseBoolean(KeyValues.required(v, "create")),
                Boolean.parseBoolean(KeyValues.required(v, "edit")), KeyValues.required(v, "events"));
    }
}
