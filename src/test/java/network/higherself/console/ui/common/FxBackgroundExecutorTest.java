package network.higherself.console.ui.common;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's executor: work off the JavaFX thread, its result or its failure back on it, in order. */
@FxTest
class FxBackgroundExecutorTest {

    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();

    @AfterEach
    void close() {
        executor.close();
    }

    private record Handed(Object value, boolean onFxThread) {
    }

    @Test
    void theWorkRunsOffTheJavaFxThreadAndItsResultComesBackOnIt() throws Exception {
        CompletableFuture<Boolean> workOnFx = new CompletableFuture<>();
        CompletableFuture<Handed> handed = new CompletableFuture<>();
        executor.run(() -> {
            workOnFx.complete(Platform.isFxApplicationThread());
            return 42;
        }, r -> handed.complete(new Handed(r, Platform.isFxApplicationThread())), handed::completeExceptionally);

        assertThat(workOnFx.get(10, TimeUnit.SECONDS)).as("the work runs in the background").isFalse();
        assertThat(handed.get(10, TimeUnit.SECONDS)).isEqualTo(new Handed(42, true));
    }

    @Test
    void aFailureIsHandedToTheFailureHandlerOnTheJavaFxThreadNeverSwallowed() throws Exception {
        IllegalStateException disk = new IllegalStateException("The disk is full");
        CompletableFuture<Handed> handed = new CompletableFuture<>();
        executor.run(() -> {
            throw disk;
        }, r -> handed.complete(new Handed("success: " + r, Platform.isFxApplicationThread())),
                e -> handed.complete(new Handed(e, Platform.isFxApplicationThread())));

        assertThat(handed.get(10, TimeUnit.SECONDS)).isEqualTo(new Handed(disk, true));
    }

    @Test
    void itIsIdleOnlyOnceTheWorkAndEveryHandlerAndTheWorkTheyGaveAreDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> idleAsTheFirstHandlerEnds = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        assertThat(executor.isIdle()).isTrue();
        executor.run(() -> {
            release.await(10, TimeUnit.SECONDS);
            return "first";
        }, r -> {
            executor.run(() -> r + ", then second", second::complete, second::completeExceptionally);
            idleAsTheFirstHandlerEnds.complete(executor.isIdle());
        }, second::completeExceptionally);

        assertThat(executor.isIdle()).as("the work is running").isFalse();
        release.countDown();
        assertThat(idleAsTheFirstHandlerEnds.get(10, TimeUnit.SECONDS)).as("the handler gave more work").isFalse();
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("first, then second");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, executor::isIdle);
    }

    @Test
    void tasksRunOneAfterAnotherInTheOrderTheyWereGiven() throws Exception {
        List<Integer> handed = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            int n = i;
            executor.run(() -> n, r -> {
                handed.add(r);
                all.countDown();
            }, e -> all.countDown());
        }
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handed).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }
}
