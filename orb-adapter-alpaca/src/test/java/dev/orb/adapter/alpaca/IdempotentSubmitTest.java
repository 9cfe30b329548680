package dev.orb.adapter.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orb.adapter.alpaca.FakeAlpaca.Post;
import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;
import dev.orb.ports.BrokerException;

/**
 * Never two orders for one intent, against a stateful fake Alpaca that, like the real one, refuses a second order
 * with the same client order id. The client's read timeout is short so that "no answer" happens quickly.
 */
class IdempotentSubmitTest {
    private final FakeAlpaca alpaca = new FakeAlpaca();
    private final AlpacaMock mock = new AlpacaMock(alpaca);
    private final AlpacaBroker broker = AlpacaBroker.create(mock.config().readTimeout(Duration.ofMillis(300)).build());
    private final OrderRequest entry = AlpacaBrokerRestTest.otoEntry();

    @AfterEach
    void tearDown() {
        broker.close();
        mock.close();
    }

    @Test
    void answerDelayedPastTheTimeout_afterAlpacaAccepted_returnsThatOrder_withOnePost() {
        alpaca.scriptPosts(Post.ACCEPT_NO_ANSWER);

        Order o = broker.submit(entry);

        assertThat(alpaca.postBodies).hasSize(1);
        assertThat(alpaca.orderCount()).isEqualTo(1);
        assertThat(o.brokerOrderId()).isEqualTo(alpaca.byClientOrderId(entry.clientOrderId().value()).get("id"));
        assertThat(o.legs()).hasSize(1);
        assertThat(alpaca.lookups).hasValue(1);
    }

    @Test
    void requestLostBeforeAlpacaSawIt_isSentAgainOnlyAfterTheLookupFoundNothing() {
        alpaca.scriptPosts(Post.LOSE_NO_ANSWER);

        Order o = broker.submit(entry);

        assertThat(alpaca.postBodies).hasSize(2);
        assertThat(alpaca.lookups).hasValue(1);
        assertThat(alpaca.orderCount()).isEqualTo(1);
        assertThat(o.clientOrderId()).isEqualTo(entry.clientOrderId());
    }

    @Test
    void serverErrorAfterAlpacaAccepted_returnsThatOrder() {
        alpaca.scriptPosts(Post.ACCEPT_THEN_500);

        Order o = broker.submit(entry);

        assertThat(alpaca.postBodies).hasSize(1);
        assertThat(alpaca.orderCount()).isEqualTo(1);
        assertThat(o.clientOrderId()).isEqualTo(entry.clientOrderId());
    }

    @Test
    void serverErrorBeforeAlpacaAccepted_isRetriedAfterTheLookup() {
        alpaca.scriptPosts(Post.FAIL_503, Post.FAIL_503);

        broker.submit(entry);

        assertThat(alpaca.postBodies).hasSize(3);
        assertThat(alpaca.lookups).hasValue(2);
        assertThat(alpaca.orderCount()).isEqualTo(1);
    }

    @Test
    void clientOrderIdAlreadyUsed_returnsTheExistingOrder() {
        broker.submit(entry);

        Order again = broker.submit(entry);

        assertThat(alpaca.orderCount()).isEqualTo(1);
        assertThat(alpaca.postBodies).hasSize(2);
        assertThat(again.brokerOrderId()).isEqualTo(alpaca.byClientOrderId(entry.clientOrderId().value()).get("id"));
    }

    @Test
    void lookupFailing_leavesTheOutcomeUnknown_andNeverPostsBlindly() {
        alpaca.scriptPosts(Post.ACCEPT_NO_ANSWER);
        alpaca.failLookups(500, 500, 500, 500);

        assertThatThrownBy(() -> broker.submit(entry)).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.rejected()).isFalse();
            assertThat(e.getMessage()).contains("outcome unknown", "looking it up failed");
        });
        assertThat(alpaca.postBodies).hasSize(1);
        assertThat(alpaca.orderCount()).isEqualTo(1);
    }

    @Test
    void lookupStorm_withinTheRetryBound_stillFindsTheOrder() {
        alpaca.scriptPosts(Post.ACCEPT_NO_ANSWER);
        alpaca.failLookups(503, 502, 500);

        Order o = broker.submit(entry);

        assertThat(o.clientOrderId()).isEqualTo(entry.clientOrderId());
        assertThat(alpaca.postBodies).hasSize(1);
    }

    @Test
    void everyAttemptLost_givesUpAsUnknown_withoutAnyOrder() {
        alpaca.scriptPosts(Post.LOSE_NO_ANSWER, Post.LOSE_NO_ANSWER, Post.LOSE_NO_ANSWER);

        assertThatThrownBy(() -> broker.submit(entry)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.rejected()).isFalse());
        assertThat(alpaca.postBodies).hasSize(AlpacaConfig.DEFAULT_SUBMIT_ATTEMPTS);
        assertThat(alpaca.lookups).hasValue(AlpacaConfig.DEFAULT_SUBMIT_ATTEMPTS);
        assertThat(alpaca.orderCount()).isZero();
    }

    @Test
    void refusal_isReportedAsRejected_withoutLookup() {
        alpaca.scriptPosts(Post.REFUSE_403);

        assertThatThrownBy(() -> broker.submit(entry)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.rejected()).isTrue());
        assertThat(alpaca.lookups).hasValue(0);
        assertThat(alpaca.orderCount()).isZero();
    }
}
