package io.fleetcast.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The route table: {@code METHOD /path/{param}} to a handler. One list, read by the dispatcher, by
 * {@code GET /openapi.json}'s test (every route documented, nothing documented that is not routed) and by the
 * 404/405 answers.
 */
final class Routes {

    /**
     * One route.
     *
     * @param method   the HTTP method
     * @param template the path, with {@code {name}} segments for parameters
     * @param open     true when it needs no token (health only)
     * @param handler  the code
     */
    record Route(String method, String template, boolean open, Server.Handler handler) {
        String name() {
            return method + " " + template;
        }
    }

    /**
     * What a request matched.
     *
     * @param route      the route, or null
     * @param parameters its path parameters
     * @param allowed    when no route matched the method: the methods of the routes that match the path
     */
    record Match(Route route, Map<String, String> parameters, List<String> allowed) {
    }

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The API's routes. */
    static Routes of(ServeOptions options, Jobs jobs) {
        Handlers h = new Handlers(options, jobs);
        List<Route> r = new ArrayList<>();
        r.add(new Route("GET", "/v1/health", true, h::health));
        r.add(new Route("GET", "/openapi.json", false, h::openApi));
        r.add(new Route("GET", "/v1/catalog", false, h::catalog));
        r.add(new Route("GET", "/v1/sites", false, h::sites));
        r.add(new Route("POST", "/v1/projections", false, h::projections));
        r.add(new Route("POST", "/v1/monte-carlo", false, h::startJob));
        r.add(new Route("GET", "/v1/jobs/{id}", false, h::job));
        r.add(new Route("DELETE", "/v1/jobs/{id}", false, h::cancelJob));
        r.add(new Route("POST", "/v1/solve", false, h::solve));
        r.add(new Route("POST", "/v1/sensitivity", false, h::sensitivity));
        return new Routes(r);
    }

    /** Every route as {@code METHOD /path}. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (Route r : routes) {
            out.add(r.name());
        }
        return out;
    }

    /** The route for a request. */
    Match match(String method, String path) {
        List<String> allowed = new ArrayList<>();
        for (Route r : routes) {
            Map<String, String> params = bind(r.template(), path);
            if (params == null) {
                continue;
            }
            if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
                return new Match(r, params, List.of());
            }
            allowed.add(r.method());
        }
        return new Match(null, Map.of(), allowed);
    }

    /** The parameters when {@code path} fits {@code template}, else null. */
    private static Map<String, String> bind(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                params.put(t[i].substring(1, t[i].length() - 1), p[i]);
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return params;
    }
}
