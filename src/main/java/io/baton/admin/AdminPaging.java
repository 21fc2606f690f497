package io.baton.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The admin API's paging parameters: {@code page} from 0, {@code size} from 1 to a list's maximum. */
final class AdminPaging {

    private AdminPaging() {
    }

    /** 400 with both values named when the page is outside the limits. */
    static void require(int page, int size, int maxSize) {
        if (page < 0 || size < 1 || size > maxSize) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be 0 or more and size 1.." + maxSize + " (were " + page + " and " + size + ")");
        }
    }
}
