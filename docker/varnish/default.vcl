vcl 4.1;

# Varnish in front of Newsdesk: caches delivery responses as their Cache-Control says (max-age, and
# stale-while-revalidate as grace), tags each object with its Surrogate-Key through xkey, and drops
# objects by key when Newsdesk sends PURGE with an xkey-purge header (newsdesk.cdn.varnish-urls).
# Needs the xkey module (Debian: varnish-modules). Only addresses in acl purgers may purge: add the
# addresses of your Newsdesk instances there (addresses only: no name needs a resolver).

import xkey;

backend newsdesk {
    .host = "127.0.0.1";
    .port = "8080";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the keys in xkey-purge"));
        }
        # a hard purge: a purged object is never served again, not even as stale
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    # the management API, previews, health and metrics are never cached; neither is anything
    # sent with credentials
    if (req.url ~ "^/api/v1/(manage|preview)/" || req.url ~ "^/q/") {
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie) {
        return (pass);
    }
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Varnish takes the TTL from max-age and the grace from stale-while-revalidate. Only what
    # Newsdesk marks public is kept (errors are no-store; a response without Cache-Control is not
    # kept on a default TTL)
    if (beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
}
