package dev.telescale.testkit.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PendingQueryTest {

    @Test
    void theAnswersEffectRunsBeforeTheAnswerIsPublished() {
        AtomicReference<PendingQuery> self = new AtomicReference<>();
        List<Boolean> doneDuringEffect = new ArrayList<>();
        PendingQuery query = new PendingQuery("pre_checkout_query", Json.object().put("id", "q1"), 0,
                answer -> doneDuringEffect.add(self.get().answer().isDone()));
        self.set(query);
        ObjectNode params = Json.object().put("ok", true);
        assertTrue(query.answer(params));
        assertEquals(List.of(false), doneDuringEffect, "a waiter woken by the answer would miss the effect");
        assertEquals(params, query.answer().join());
    }

    @Test
    void onlyTheFirstAnswerCountsAndItsEffectRunsOnce() {
        List<ObjectNode> effects = new ArrayList<>();
        PendingQuery query = new PendingQuery("shipping_query", Json.object().put("id", "q2"), 0, effects::add);
        assertTrue(query.answer(Json.object().put("ok", true)));
        assertFalse(query.answer(Json.object().put("ok", false)));
        assertEquals(1, effects.size());
        assertTrue(query.answer().join().path("ok").asBoolean());
    }

    @Test
    void aFailingEffectStillPublishesTheAnswer() {
        PendingQuery query = new PendingQuery("inline_query", Json.object().put("id", "q3"), 0, answer -> {
            throw new IllegalStateException("effect failed");
        });
        assertThrows(IllegalStateException.class, () -> query.answer(Json.object()), "the answering call learns it");
        assertTrue(query.answer().isDone());
    }
}
