package network.higherself.console.today;

import network.higherself.console.store.CardSummary;

/**
 * One line of the Today view: a card that needs someone, and why in a few words ("service today 10:30", "payment
 * times out in 5 h", "Checklist 1 of 4 done").
 */
public record TodayLine(CardSummary card, String why) {
}
