package io.baton.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Answers that come from the network between Baton and an API rather than from the API itself:
 * a proxy's or load balancer's HTML error page, and a JSON answer cut short on the way.
 */
final class GatewayAnswers {

    private GatewayAnswers() {
    }

    /** The page a gateway such as nginx or an AWS load balancer sends when the API behind it fails. */
    static SandboxResponse htmlErrorPage(int status) {
        String reason = status == 503 ? "Service Temporarily Unavailable" : "Bad Gateway";
        String html = "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
                + status + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return SandboxResponse.text(status, "text/html", html);
    }

    /**
     * The service's answer as a {@code 200} with its JSON cut in half (never less than the opening
     * brace), so a client's JSON parser meets the end of input mid-document.
     */
    static SandboxResponse truncated(SandboxResponse answer) {
        byte[] body = answer.body().length > 1 ? answer.body() : "{\"results\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(body, Math.max(1, body.length / 2));
        return new SandboxResponse(200, Map.of("Content-Type", "application/json;charset=UTF-8"), cut);
    }
}
