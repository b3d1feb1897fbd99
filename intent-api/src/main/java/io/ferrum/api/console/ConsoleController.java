package io.ferrum.api.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The read-only web console lives under /console/; the root sends browsers there. */
@Controller
class ConsoleController {

    @GetMapping("/")
    String root() {
        return "redirect:/console/index.html";
    }
}
