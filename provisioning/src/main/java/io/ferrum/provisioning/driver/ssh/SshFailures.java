package io.ferrum.provisioning.driver.ssh;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** Translates sshj's exception zoo into one {@link DriverException} with a reason. */
final class SshFailures {

    private SshFailures() {
    }

    static DriverException translate(String device, String action, Exception e, PinningVerifier verifier) {
        if (e instanceof DriverException de) {
            return de;
        }
        if (verifier != null && verifier.refusal() != null) {
            return new DriverException(FailureReason.HOST_KEY_CHANGED, device, verifier.refusal(), e);
        }
        FailureReason reason = classify(e);
        return new DriverException(reason, device, action + " failed: " + describe(e), e);
    }

    private static FailureReason classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserAuthException) {
                return FailureReason.AUTH_FAILED;
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return FailureReason.TIMEOUT;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return FailureReason.UNREACHABLE;
            }
            if (t instanceof TransportException te && te.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
                return FailureReason.HOST_KEY_CHANGED;
            }
        }
        if (e instanceof TransportException te && te.getDisconnectReason() == DisconnectReason.UNKNOWN) {
            // sshj reports a peer that vanished mid-conversation (reset, EOF) as an UNKNOWN transport error.
            return FailureReason.UNREACHABLE;
        }
        return e instanceof java.io.IOException ? FailureReason.UNREACHABLE : FailureReason.PROTOCOL_ERROR;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 400; t = t.getCause()) {
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }
}
