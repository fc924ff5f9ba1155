package io.crystallize.server.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's sign-in and sign-out forms (the page itself is the dashboard's {@code GET /login}). */
@Controller
class SignInController {

    private final SessionCallers sessions;

    SignInController(SessionCallers sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/login")
    String signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request) {
        return sessions.signIn(token, request).isPresent() ? "redirect:/" : "redirect:/login?error";
    }

    @PostMapping("/logout")
    String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?logout";
    }
}
