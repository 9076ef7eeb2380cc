package network.higherself.console.demo;

import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.InterfaceRelease;
import network.higherself.console.card.PermissionRequest;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Believable card titles for the demo and for generated benchmark cards. */
final class Titles {

    /** Per board, more titles than the demo has cards there: each card of a board is one thing, with a name of its own. */
    private static final Map<String, List<String>> TITLES = Map.of(
            Exhibition.WORKFLOW, List.of("Light & Shadow", "Tidelines", "The Quiet Room", "Northern Pigments", "Paper Cities",
                    "Salt and Silver", "Second Nature", "Unfolding Ground", "Night Garden", "Weathered Forms", "River Archive",
                    "Borrowed Light", "Hands in Clay", "The Long Table", "Winter Orchard", "Signal and Noise", "Small Monuments",
                    "Indigo Years", "After the Flood", "Common Thread"),
            Booking.WORKFLOW, List.of("Deep tissue massage", "Sound bath for two", "Silent retreat weekend", "Reiki session",
                    "Morning yoga pass", "Couples massage", "Breathwork class", "Retreat: Spring reset"),
            ConsultingProject.WORKFLOW, List.of("Gallery brand refresh", "Visitor journey study", "Wellness programme design",
                    "Membership strategy", "Studio space plan", "Donor experience review", "Café and shop layout",
                    "Volunteer programme", "Ticketing review", "Accessibility audit", "Collection storage plan",
                    "Retreat centre feasibility", "Schools outreach plan", "Signage and wayfinding", "Corporate wellness offer",
                    "Archive digitisation plan", "Pricing review", "Staff onboarding guide", "Events calendar redesign",
                    "Sponsorship prospectus"),
            Campaign.WORKFLOW, List.of("Winter openings", "Members' week", "Retreat season", "Collectors' evening",
                    "New year, new practice", "Artist talks series", "Spring open studios", "Gift cards for the holidays",
                    "Summer late nights", "First visit free", "Yoga in the garden", "Print fair weekend", "Family Sundays",
                    "Corporate wellness days", "Autumn retreat early bird", "Friends of the gallery", "Night of the museums",
                    "Mindful mornings", "Local makers market", "Anniversary week"),
            ContentPiece.WORKFLOW, List.of("Behind the hanging", "Meet the curator", "Five breathing habits", "Studio visit: Mira Solen",
                    "Retreat diary", "Opening night recap", "How we choose artists", "A day at the front desk",
                    "Caring for works on paper", "Three stretches for desk workers", "Interview: Kofi Mensah", "The story of Tidelines",
                    "What a sound bath feels like", "Collecting your first print", "Winter reading list", "Inside the framing workshop",
                    "Meet our practitioners", "Volunteer voices", "Why slow looking matters", "Retreat menu, season by season"),
            InterfaceRelease.WORKFLOW, List.of("Client portal", "Artist dashboard", "Wellness booking page", "Public exhibition page",
                    "Members' area", "Practitioner schedule", "Gift card shop", "Event sign-up page", "Artist submission form",
                    "Retreat landing page", "Newsletter preferences", "Donor page"),
            AgentMessage.WORKFLOW, List.of("Lead hand-off to Solari", "Preparation ready", "Campaign content request",
                    "Follow-up reminder", "Audience insight"),
            PermissionRequest.WORKFLOW, List.of("Edit content board", "View consulting projects", "Record payments",
                    "Create campaigns", "Gallery board access"));

    private static final List<String> ARTWORKS = List.of("Untitled (Blue)", "Morning Study", "Fold No. 3", "Harbour at Dusk",
            "Ash and Ochre", "Still Water", "Small Hours", "Field Notes", "Glass Orchard", "Threshold");

    private Titles() {
    }

    /** Every title of a board, in its list's order. */
    static List<String> all(String workflowId) {
        return TITLES.get(workflowId);
    }

    static String next(String workflowId, Random random) {
        List<String> list = TITLES.get(workflowId);
        return list.get(random.nextInt(list.size()));
    }

    static String artwork(int n) {
        return ARTWORKS.get(Math.floorMod(n, ARTWORKS.size()));
    }
}
