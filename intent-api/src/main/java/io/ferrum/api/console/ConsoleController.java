package io.ferrum.api.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The web console lives under /console/ (static files); the root sends browsers there. */
@Controller
class ConsoleController {

    @GetMapping("/")
    String root() {
        return "redirect:/console/";
    }

    /** The console's own address, as the README gives it. */
    @GetMapping("/console/")
    String console() {
        return "forward:/console/index.html";
    }

    @GetMapping("/console")
    String consoleWithoutSlash() {
        return "redirect:/console/";
    }
}
