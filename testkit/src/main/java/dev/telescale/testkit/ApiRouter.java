package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.fault.Fault;
import dev.telescale.testkit.fault.FaultPlan;
import dev.telescale.testkit.http.HttpHandler;
import dev.telescale.testkit.http.HttpRequest;
import dev.telescale.testkit.http.HttpResponse;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.methods.MethodCall;
import dev.telescale.testkit.methods.MethodHandler;
import dev.telescale.testkit.methods.MethodTable;
import dev.telescale.testkit.request.ApiRequestDecoder;
import dev.telescale.testkit.request.DecodedRequest;
import dev.telescale.testkit.request.RequestDecodingException;
import dev.telescale.testkit.spec.BotApiSpec;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.World;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Routes HTTP requests like api.telegram.org: {@code /bot<token>/<method>} (token checked first: 401, then the
 * method name against the spec: 404), {@code /file/bot<token>/<path>} downloads, everything else 404. A method
 * call is decoded, recorded, passed through the fault plan and answered by, in order: a test's canned response,
 * the simulation, {@code true} for Boolean methods, or a 400 that explains how to stub the method. The
 * {@code onCall} listener sees a call as it arrives; the call log gets it with its outcome once it has run, before
 * the answer is written.
 */
final class ApiRouter implements HttpHandler {

    private static final byte[] UNAUTHORIZED = Json.error(401, "Unauthorized", null);
    private static final byte[] NOT_FOUND = Json.error(404, "Not Found", null);
    private static final byte[] METHOD_NOT_ALLOWED = Json.error(405, "Method Not Allowed: use GET or POST", null);

    private final World world;
    private final BotApiSpec spec;
    private final MethodTable methods;
    private final FaultPlan faults;
    private final CallLog calls;
    private final boolean recordCalls;
    private final Consumer<RecordedCall> listener;
    private final Map<String, Function<RecordedCall, JsonNode>> stubs = new ConcurrentHashMap<>();
    private final FloodControl flood;

    /** @param flood the flood limiter, or null when limits are not enforced */
    ApiRouter(World world, BotApiSpec spec, MethodTable methods, FaultPlan faults, CallLog calls, boolean recordCalls,
              Consumer<RecordedCall> listener, FloodControl flood) {
        this.listener = listener;
        this.flood = flood;
        this.world = world;
        this.spec = spec;
        this.methods = methods;
        this.faults = faults;
        this.calls = calls;
        this.recordCalls = recordCalls;
    }

    void stub(String method, Function<RecordedCall, JsonNode> answer) {
        stubs.put(canonicalName(method), answer);
    }

    String canonicalName(String method) {
        return spec.method(method).map(BotApiSpec.MethodSpec::name).orElseThrow(() -> new IllegalArgumentException(
                "'" + method + "' is not a method of Bot API " + spec.version()));
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        boolean get = request.method().equals("GET");
        if (!get && !request.method().equals("POST")) {
            return HttpResponse.json(405, METHOD_NOT_ALLOWED);
        }
        String path = request.path();
        if (path.startsWith("/bot")) {
            return method(request, path);
        }
        if (path.startsWith("/file/bot") && get) {
            return download(path);
        }
        return HttpResponse.json(404, NOT_FOUND);
    }

    private HttpResponse method(HttpRequest request, String path) {
        int slash = path.indexOf('/', 4);
        BotAccount bot = world.botByToken(decodePath(slash < 0 ? path.substring(4) : path.substring(4, slash)));
        if (bot == null) {
            return HttpResponse.json(401, UNAUTHORIZED);
        }
        Optional<BotApiSpec.MethodSpec> method = slash < 0 ? Optional.empty() : spec.method(path.substring(slash + 1));
        if (method.isEmpty()) {
            return HttpResponse.json(404, NOT_FOUND);
        }
        DecodedRequest decoded;
        try {
            decoded = ApiRequestDecoder.decode(request.query(), request.contentType(), request.body(),
                    request.bodyLength());
        } catch (RequestDecodingException e) {
            return HttpResponse.json(400, Json.error(400, e.getMessage(), null));
        }
        RecordedCall call = new RecordedCall(bot.id(), method.get().name(), decoded.params(), decoded.files());
        if (listener != null) {
            listener.accept(call);
        }
        Fault fault = faults.take(call.method());
        switch (fault) {
            case null -> {
                return execute(bot, method.get(), call);
            }
            case Fault.Answer answer -> {
                record(call, new CallOutcome.Failed(answer.status(), Json.description(answer.body())));
                return new HttpResponse(answer.status(), answer.contentType(), answer.body(), HttpResponse.Delivery.NORMAL);
            }
            case Fault.CloseConnection close -> {
                record(call, new CallOutcome.Unanswered());
                return HttpResponse.closeWithoutAnswer();
            }
            case Fault.TruncateBody truncate -> {
                return execute(bot, method.get(), call).withDelivery(HttpResponse.Delivery.TRUNCATE);
            }
            case Fault.Delay delay -> {
                try {
                    Thread.sleep(delay.duration());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    record(call, new CallOutcome.Unanswered());
                    return HttpResponse.closeWithoutAnswer();
                }
                return execute(bot, method.get(), call);
            }
        }
    }

    /**
     * Executes a method call found in a webhook answer; its result goes nowhere, as on Telegram. The reply tree
     * is taken over (its "method" field is removed and the rest become the call's parameters).
     */
    void webhookReply(BotAccount bot, ObjectNode reply) {
        Optional<BotApiSpec.MethodSpec> method = spec.method(reply.path("method").asText());
        if (method.isEmpty()) {
            return;
        }
        reply.remove("method");
        RecordedCall call = new RecordedCall(bot.id(), method.get().name(), reply, Map.of());
        if (listener != null) {
            listener.accept(call);
        }
        try {
            run(bot, method.get(), call);          // the result is not serialised: it goes nowhere
        } catch (BotApiError e) {
            // an error answer goes nowhere either
        }
    }

    /**
     * Runs the call and records it with its outcome before the answer goes out: whoever sees the recorded call
     * (a test awaiting it) also sees its effect.
     */
    private CallOutcome run(BotAccount bot, BotApiSpec.MethodSpec method, RecordedCall call) {
        CallOutcome outcome = new CallOutcome.Unanswered();
        try {
            outcome = new CallOutcome.Answered(result(bot, method, call));
        } catch (BotApiError e) {
            outcome = new CallOutcome.Failed(e.code(), e.getMessage());
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            outcome = new CallOutcome.Failed(500, "the emulator failed: " + e);
            throw e;
        } finally {
            record(call, outcome);
        }
        return outcome;
    }

    private void record(RecordedCall call, CallOutcome outcome) {
        if (recordCalls) {
            calls.record(call.answered(outcome));
        }
    }

    private HttpResponse execute(BotAccount bot, BotApiSpec.MethodSpec method, RecordedCall call) {
        try {
            return switch (run(bot, method, call)) {
                case CallOutcome.Answered answered -> HttpResponse.json(200, Json.ok(answered.result()));
                default -> HttpResponse.closeWithoutAnswer();
            };
        } catch (BotApiError e) {
            return HttpResponse.json(e.code(), e.toJsonBytes());
        }
    }

    private JsonNode result(BotAccount bot, BotApiSpec.MethodSpec method, RecordedCall call) throws InterruptedException {
        if (flood != null && FloodControl.counts(method.name())) {
            flood.admit(bot, call);
        }
        Function<RecordedCall, JsonNode> stub = stubs.get(method.name());
        if (stub != null) {
            return stub.apply(call);
        }
        MethodHandler handler = methods.get(method.name());
        if (handler != null) {
            return handler.handle(new MethodCall(bot, method.name(), call.params(), call.files(), world));
        }
        if (method.returnsBoolean()) {
            return BooleanNode.TRUE;
        }
        throw BotApiError.badRequest("method " + method.name() + " is not simulated by the Telescale emulator; stub it "
                + "in the test with emulator.respond(\"" + method.name() + "\", <result JSON>)");
    }

    private HttpResponse download(String path) {
        int slash = path.indexOf('/', "/file/bot".length());
        if (slash < 0 || world.botByToken(decodePath(path.substring("/file/bot".length(), slash))) == null) {
            return HttpResponse.json(401, UNAUTHORIZED);
        }
        StoredFile file = world.files().byPath(decodePath(path.substring(slash + 1)));
        if (file == null || file.bytes() == null) {
            return HttpResponse.json(404, NOT_FOUND);
        }
        return new HttpResponse(200, file.mimeType(), file.bytes(), HttpResponse.Delivery.NORMAL);
    }

    private static String decodePath(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
