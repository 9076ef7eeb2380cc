package network.higherself.console.card;

import network.higherself.console.staff.StaffMember;

import java.util.function.Function;

/**
 * A kind of thing a card field can point at (a client, an artist, a staff member...): its class, how it is
 * identified and named, and where its name is stored (for the board's search and the card's face, read in SQL).
 *
 * @param table      the table that holds the things
 * @param nameColumn the column of that table that holds {@code name}
 */
public record Reference<T>(Class<T> type, String table, String nameColumn, Function<T, Long> idOf,
                           Function<T, String> nameOf) {

    public static final Reference<Client> CLIENT = named(Client.class, "client");
    public static final Reference<Artist> ARTIST = named(Artist.class, "artist");
    public static final Reference<WellnessService> SERVICE = named(WellnessService.class, "wellness_service");
    public static final Reference<Practitioner> PRACTITIONER = named(Practitioner.class, "practitioner");
    public static final Reference<AudienceSegment> SEGMENT = named(AudienceSegment.class, "audience_segment");
    public static final Reference<Channel> CHANNEL = named(Channel.class, "channel");
    public static final Reference<Campaign> CAMPAIGN = new Reference<>(Campaign.class, "card", "title", Card::getId, Card::getTitle);
    public static final Reference<StaffMember> STAFF = new Reference<>(StaffMember.class, "staff_member", "username",
            StaffMember::getId, StaffMember::getUsername);

    /** Things of a table of their own with an id and a name ({@link Named}). */
    private static <T extends Named> Reference<T> named(Class<T> type, String table) {
        return new Reference<>(type, table, "name", Named::getId, Named::getName);
    }

    public Long id(T thing) {
        return idOf.apply(thing);
    }

    public String name(T thing) {
        return nameOf.apply(thing);
    }
}
