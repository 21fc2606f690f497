package io.baton.admin;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The demo profile's admin credentials, right and wrong, for the admin API's controller tests. */
final class AdminCredentials {

    static final String ADMIN = basic("admin:demo");
    static final String WRONG = basic("admin:wrong");

    private AdminCredentials() {
    }

    /** Each request answers 401 without credentials and with a wrong password. */
    static void refusedWithoutOrWithWrongCredentials(MockMvc mvc, MockHttpServletRequestBuilder... requests) throws Exception {
        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(request).andExpect(status().isUnauthorized());
            mvc.perform(request.header("Authorization", WRONG)).andExpect(status().isUnauthorized());
        }
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
