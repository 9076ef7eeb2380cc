package network.higherself.console.staff;

/** What a staff member does; rights per workflow follow from it. */
public enum Role {
    ADMINISTRATOR("Administrator"),
    MANAGER("Manager"),
    GALLERY_STAFF("Gallery staff"),
    FRONT_DESK("Front desk"),
    CONSULTANT("Consultant"),
    MARKETING("Marketing");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
