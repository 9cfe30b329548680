package dev.orb.adapter.alpaca.internal;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.orb.domain.TradingMode;
import net.jacobpeterson.alpaca.model.endpoint.streaming.enums.StreamingMessageType;
import net.jacobpeterson.alpaca.websocket.streaming.StreamingWebsocket;
import okhttp3.OkHttpClient;
import okhttp3.WebSocket;
import okio.ByteString;

/**
 * alpaca-java's trade-updates websocket for one connection, extended where 9.2.0 falls short:
 * <ul>
 *   <li>trade_updates messages are read from the raw JSON ({@link TradeEvent}), because alpaca-java's model
 *       drops {@code execution_id} and {@code qty} and turns unknown event names into null;</li>
 *   <li>"listen" is sent as soon as the authorization arrives, and readiness is reported once Alpaca confirms
 *       listening to trade_updates;</li>
 *   <li>text frames are handled like binary ones (Alpaca sends binary; alpaca-java ignores text);</li>
 *   <li>a server close frame is answered, so that the closing completes and is reported;</li>
 *   <li>an unreadable message is reported instead of failing the connection, and unknown streams are ignored.</li>
 * </ul>
 * alpaca-java's own reconnection is switched off: {@link StreamSupervisor} owns reconnection. Authentication
 * (key id and secret in the first text frame) is alpaca-java's; the secret is never logged.
 */
public final class TradeUpdatesSocket extends StreamingWebsocket {
    private static final Logger LOG = LoggerFactory.getLogger(TradeUpdatesSocket.class);

    /** Receives what this connection reports. Called on OkHttp's websocket thread; must not block. */
    public interface Handler {
        void onTradeEvent(TradeEvent event);

        /** A trade_updates message could not be read: an event may have been lost. */
        void onUnreadable(String why);

        /** Authenticated and listening to trade_updates. */
        void onReady();

        /** Authentication was refused. */
        void onRefused(String why);
    }

    private final Handler handler;

    /** An unconnected socket to {@code mode}'s stream; {@code handler} gets what it reports. */
    public TradeUpdatesSocket(OkHttpClient client, TradingMode mode, String keyId, String secretKey, Handler handler) {
        super(client, mode == TradingMode.LIVE ? "api" : "paper-api", keyId, secretKey, null);
        this.handler = Objects.requireNonNull(handler, "handler");
        setAutomaticallyReconnect(false);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        handle(webSocket, bytes.utf8(), bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        handle(webSocket, text, ByteString.encodeUtf8(text));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(code == 1005 ? WEBSOCKET_NORMAL_CLOSURE_CODE : code, null);
    }

    private void handle(WebSocket webSocket, String text, ByteString bytes) {
        JsonObject message;
        String stream;
        try {
            message = JsonParser.parseString(text).getAsJsonObject();
            stream = BulkResponses.string(message, "stream");
        } catch (RuntimeException e) {
            handler.onUnreadable("not a JSON object: " + abbreviate(text));
            return;
        }
        if (stream == null) {
            LOG.debug("ignoring message without stream: {}", abbreviate(text));
            return;
        }
        switch (stream) {
            case "trade_updates" -> tradeUpdate(message, text);
            case "authorization" -> authorization(webSocket, bytes, text);
            case "listening" -> listening(webSocket, bytes, text);
            default -> LOG.debug("ignoring '{}' message", stream);
        }
    }

    private void tradeUpdate(JsonObject message, String text) {
        TradeEvent event;
        try {
            JsonElement data = message.get("data");
            event = TradeEvent.parse(data.getAsJsonObject());
        } catch (RuntimeException e) {
            handler.onUnreadable(e.getMessage() + " in " + abbreviate(text));
            return;
        }
        handler.onTradeEvent(event);
    }

    private void authorization(WebSocket webSocket, ByteString bytes, String text) {
        try {
            super.onMessage(webSocket, bytes);
        } catch (RuntimeException e) {
            handler.onRefused("unreadable authorization answer " + abbreviate(text));
            return;
        }
        if (isAuthenticated()) {
            streams(StreamingMessageType.TRADE_UPDATES);
        } else {
            handler.onRefused("authorization refused: " + abbreviate(text));
        }
    }

    private void listening(WebSocket webSocket, ByteString bytes, String text) {
        try {
            super.onMessage(webSocket, bytes);
        } catch (RuntimeException e) {
            handler.onUnreadable("unreadable listening answer " + abbreviate(text));
            return;
        }
        if (streams().contains(StreamingMessageType.TRADE_UPDATES)) {
            handler.onReady();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
