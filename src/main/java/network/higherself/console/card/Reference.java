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

    public static final Reference<Client> CLIENT = new Reference<>(Client.class, "client", "name", Client::getId, Client::getName);
    public static final Reference<Artist> ARTIST = new Reference<>(Artist.class, "artist", "name", Artist::getId, Artist::getName);
    public static final Reference<WellnessService> SERVICE = new Reference<>(WellnessService.class, "wellness_service", "name",
            WellnessService::getId, WellnessService::getName);
    public static final Reference<Practitioner> PRACTITIONER = new Reference<>(Practitioner.class, "practitioner", "name",
            Practitioner::getId, Practitioner::getName);
    public static final Reference<AudienceSegment> SEGMENT = new Reference<>(AudienceSegment.class, "audience_segment", "name",
            AudienceSegment::getId, AudienceSegment::getName);
    public static final Reference<Channel> CHANNEL = new Reference<>(Channel.class, "channel", "name", Channel::getId, Channel::getName);
    public static final Reference<Campaign> CAMPAIGN = new Reference<>(Campaign.class, "card", "title", Card::getId, Card::getTitle);
    public static final Reference<StaffMember> STAFF = new Reference<>(StaffMember.class, "staff_member", "username",
            StaffMember::getId, StaffMember::getUsername);

    public Long id(T thing) {
        return idOf.apply(thing);
    }

    public String name(T thing) {
        return nameOf.apply(thing);
    }
}
