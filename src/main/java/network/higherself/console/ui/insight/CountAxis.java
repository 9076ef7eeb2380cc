package network.higherself.console.ui.insight;

import javafx.scene.chart.NumberAxis;

/** A chart axis of card counts: whole numbers only, from nought to a round number at or above the largest. */
final class CountAxis {

    private CountAxis() {
    }

    static void fit(NumberAxis axis, long largest) {
        long step = step(largest);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.max(step, (largest + step - 1) / step * step));
        axis.setTickUnit(step);
        axis.setMinorTickVisible(false);
    }

    /** The smallest of 1, 2, 5, 10, 20, 50... that makes at most ten ticks up to {@code largest}. */
    static long step(long largest) {
        long step = 1;
        int k = 0;
        while (largest > step * 10) {
            step = (k % 3 == 1 ? step * 5 / 2 : step * 2);
            k++;
        }
        return step;
    }
}
