package io.baton.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A browser holding the admin's login is kept from writes another site's page starts; scripts are not. */
class CrossSiteWriteGuardTest {

    private static MockHttpServletResponse send(String method, String... headers) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/dead-letters/7/replay");
        request.setServerName("127.0.0.1");
        request.setServerPort(8080);
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new CrossSiteWriteGuard().doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aWriteAnotherSiteStartsIsRefused() throws Exception {
        MockHttpServletResponse byOrigin = send("POST", "Host", "127.0.0.1:8080", "Origin", "https://evil.example");

        assertThat(byOrigin.getStatus()).isEqualTo(403);
        assertThat(byOrigin.getContentAsString()).contains("a write from another site's page is refused");
        assertThat(send("POST", "Sec-Fetch-Site", "cross-site").getStatus()).isEqualTo(403);
        assertThat(send("DELETE", "Sec-Fetch-Site", "same-site").getStatus()).isEqualTo(403);
        assertThat(send("POST", "Origin", "null").getStatus()).as("a sandboxed frame").isEqualTo(403);
        assertThat(send("POST", "Origin", "http://127.0.0.1:9999").getStatus()).as("another port").isEqualTo(403);
    }

    @Test
    void theDashboardsOwnWritesAndScriptsWithoutBrowserHeadersPass() throws Exception {
        assertThat(send("POST", "Host", "127.0.0.1:8080", "Origin", "http://127.0.0.1:8080",
                "Sec-Fetch-Site", "same-origin").getStatus()).isEqualTo(200);
        assertThat(send("POST", "Origin", "http://127.0.0.1:8080").getStatus()).as("host from the server name")
                .isEqualTo(200);
        assertThat(send("POST").getStatus()).as("curl").isEqualTo(200);
        assertThat(send("POST", "Sec-Fetch-Site", "none").getStatus()).as("typed into the address bar").isEqualTo(200);
    }

    @Test
    void readsAreNeverStopped() throws Exception {
        assertThat(send("GET", "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example").getStatus()).isEqualTo(200);
        assertThat(send("HEAD", "Sec-Fetch-Site", "cross-site").getStatus()).isEqualTo(200);
    }
}
