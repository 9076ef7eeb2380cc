package network.higherself.console.ui.insight;

import javafx.scene.chart.NumberAxis;

/**
 * A chart axis from nought to a round number at or above the largest value, in steps of 1, 2, 5, 10, 20, 50... (card
 * counts stay whole numbers; times get ticks far enough apart to read).
 */
final class CountAxis {

    private CountAxis() {
    }

    /** An axis of card counts: at most ten ticks. */
    static void fit(NumberAxis axis, long largest) {
        fit(axis, largest, 10);
    }

    static void fit(NumberAxis axis, long largest, int ticks) {
        long step = step(largest, ticks);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.max(step, (largest + step - 1) / step * step));
        axis.setTickUnit(step);
        axis.setMinorTickVisible(false);
    }

    /** The smallest of 1, 2, 5, 10, 20, 50... that makes at most {@code ticks} ticks up to {@code largest}. */
    static long step(long largest, int ticks) {
        long step = 1;
        int k = 0;
        while (largest > step * ticks) {
            step = (k % 3 == 1 ? step * 5 / 2 : step * 2);
            k++;
        }
        return step;
    }
}
