package dev.orb.adapter.alpaca;

import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_KEY;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.gson.JsonObject;

import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The server side of Alpaca's trade-updates stream (behind MockWebServer's websocket upgrade). Like Alpaca it
 * answers in binary frames: authorization after "authenticate" (authorized only for the expected key id), the
 * listening confirmation after "listen". The test pushes events and drops the connection.
 */
final class FakeStream extends WebSocketListener {
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<WebSocket> connections = new CopyOnWriteArrayList<>();
    volatile String expectedKey = PAPER_KEY;
    private volatile WebSocket current;

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        connections.add(webSocket);
        current = webSocket;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        received.add(text);
        JsonObject m = AlpacaJson.parse(text);
        String action = m.get("action").getAsString();
        if ("authenticate".equals(action)) {
            boolean ok = expectedKey.equals(m.getAsJsonObject("data").get("key_id").getAsString());
            String status = ok ? "authorized" : "unauthorized";
            binary(webSocket, "{\"stream\":\"authorization\",\"data\":{\"status\":\"" + status
                    + "\",\"action\":\"authenticate\"}}");
        } else if ("listen".equals(action)) {
            binary(webSocket, "{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}");
        }
    }

    /** Sends a message to the current connection as a binary frame, as Alpaca does. */
    void send(String json) {
        binary(current, json);
    }

    /** Sends a message as a text frame (Alpaca does not; alpaca-java alone would ignore it). */
    void sendText(String json) {
        current.send(json);
    }

    /**
     * Drops the current connection the way a server going away does (close code 1001). MockWebServer's
     * server-side socket cannot be cancelled abruptly; the client's failure path is exercised by refused upgrades.
     */
    void drop() {
        current.close(1001, "going away");
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
    }

    /** Closes every connection (test teardown, so that MockWebServer can shut down). */
    void closeAll() {
        connections.forEach(ws -> ws.close(1001, "test over"));
    }

    int connectionCount() {
        return connections.size();
    }

    private static void binary(WebSocket ws, String json) {
        ws.send(ByteString.encodeUtf8(json));
    }
}
