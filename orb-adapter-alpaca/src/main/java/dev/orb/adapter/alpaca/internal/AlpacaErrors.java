package dev.orb.adapter.alpaca.internal;

import java.util.Locale;

import dev.orb.ports.BrokerException;
import dev.orb.ports.MarketDataException;
import net.jacobpeterson.alpaca.rest.AlpacaClientException;

/**
 * Classifies alpaca-java failures. A 4xx answer is a definite refusal ({@link BrokerException#rejected()} true);
 * a 5xx, no answer or an unreadable answer leaves the outcome unknown. A request refused by the local request
 * budget was never sent, which is as definite as a 4xx. Messages carry the HTTP status, Alpaca's error code and
 * message — never a header or a key.
 */
public final class AlpacaErrors {
    /** The message Alpaca sends (422, code 40010001) when a client order id is reused. */
    static final String DUPLICATE_CLIENT_ORDER_ID = "client_order_id must be unique";

    private AlpacaErrors() {
    }

    /** The HTTP status of a failed call, or null when there was no answer. */
    public static Integer httpStatus(Throwable e) {
        if (e instanceof AlpacaClientException ace) {
            ace.getMessage(); // alpaca-java parses the error body lazily, in getMessage()
            return ace.getResponseStatusCode();
        }
        return null;
    }

    /** True when Alpaca answered with a 4xx status or the request was never sent. */
    public static boolean isDefiniteRefusal(Throwable e) {
        Integer status = httpStatus(e);
        return (status != null && status >= 400 && status < 500) || e.getCause() instanceof BudgetExhaustedException;
    }

    /** True when Alpaca answered with exactly {@code status}. */
    public static boolean isStatus(Throwable e, int status) {
        Integer actual = httpStatus(e);
        return actual != null && actual == status;
    }

    /** True for Alpaca's answer to a reused client order id. */
    public static boolean isDuplicateClientOrderId(Throwable e) {
        return isStatus(e, 422) && apiMessage(e).toLowerCase(Locale.ROOT).contains(DUPLICATE_CLIENT_ORDER_ID);
    }

    /** Alpaca's error message ("insufficient buying power"), or "" when there is none. */
    public static String apiMessage(Throwable e) {
        if (e instanceof AlpacaClientException ace) {
            ace.getMessage();
            String m = ace.getAPIResponseMessage();
            return m == null ? "" : m;
        }
        return "";
    }

    /** A one-line description: "HTTP 403 (code 40310000): insufficient buying power" or "no answer: …". */
    public static String describe(Throwable e) {
        if (e instanceof AlpacaClientException ace) {
            Integer status = httpStatus(ace);
            if (status != null) {
                Integer code = ace.getAPIResponseCode();
                return "HTTP " + status + (code != null ? " (code " + code + ")" : "") + ": " + apiMessage(ace);
            }
            Throwable cause = ace.getCause();
            if (cause instanceof BudgetExhaustedException) {
                return cause.getMessage();
            }
            if (cause != null) {
                return "no answer (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
            }
            return "failed: " + ace.getMessage();
        }
        return "unreadable answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }

    /** The broker failure for {@code action} ("POST /v2/orders orb-…"). */
    public static BrokerException broker(String action, Throwable e) {
        return new BrokerException("Alpaca " + action + ": " + describe(e), isDefiniteRefusal(e), e);
    }

    /** The market-data failure for {@code action}. */
    public static MarketDataException marketData(String action, Throwable e) {
        return new MarketDataException("Alpaca " + action + ": " + describe(e), e);
    }
}
