# Varnish (6.x/7.x, VCL 4.1) in front of several imagegate instances: the same recipe as
# deploy/nginx/imagegate.conf. Unlike nginx, Varnish sends Age, so either form of imagegate's
# lifetimes (max-age, or Expires for URLs with ik-t) is counted right downstream as well.
#
#   varnishd -a 127.0.0.1:8080 -f /etc/varnish/imagegate.vcl -s malloc,1G
vcl 4.1;

import directors;

# Every instance runs with the same signing keys and the same image root.
backend gate1 { .host = "127.0.0.1"; .port = "8081"; }
backend gate2 { .host = "127.0.0.1"; .port = "8082"; }
backend gate3 { .host = "127.0.0.1"; .port = "8083"; }

sub vcl_init {
    # Consistent hashing (like nginx's "hash ... consistent"): each URL always goes to the same
    # instance, so a variant is rendered once across the cluster; adding or removing an
    # instance moves only its share of the URLs.
    new gates = directors.shard();
    gates.add_backend(gate1);
    gates.add_backend(gate2);
    gates.add_backend(gate3);
    gates.reconfigure();
}

sub vcl_recv {
    if (req.url !~ "^/img/") {
        return (pass);                 # only the image endpoint is cached here
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);                 # imagegate answers 405 itself; never cached
    }
    # The URL is the capability; a cookie never changes the answer, and with one the built-in
    # VCL would not cache at all.
    unset req.http.Cookie;
    # Shard on the full URL: path, tr, ik-t and ik-s all count.
    set req.backend_hint = gates.backend(by=URL);
    return (hash);
}

sub vcl_hash {
    # One object per URL as sent (plus Vary: Accept for f-auto, which Varnish applies itself,
    # so WebP and JPEG are separate objects). The Host is left out on purpose: signed URLs are
    # relative to the endpoint, so every host name of the site shares one copy.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # A response that says nothing about caching (a non-image file the filter passed down to
    # the application) is not cached, as nginx does without proxy_cache_valid, instead of
    # Varnish's default_ttl of 120 s.
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The lifetime comes from imagegate's Cache-Control / Expires alone (Varnish's built-in
    # rules honour both and never cache no-store, which every error carries). Nothing here sets
    # beresp.ttl, so nothing can outlive ik-t.
    #
    # No grace: a stale object is never delivered, not even while it is being fetched again,
    # so an expired link's image is never served after ik-t.
    set beresp.grace = 0s;
    # Keep the expired object a while for conditional fetches only (If-None-Match with the
    # variant's ETag): an unchanged variant costs the instance a 304, never a render. An
    # expired link's revalidation is a 401, which replaces nothing.
    set beresp.keep = 1d;
}

sub vcl_deliver {
    # For operators: whether this answer came from the cache.
    if (obj.hits > 0) {
        set resp.http.X-Cache-Status = "HIT";
    } else {
        set resp.http.X-Cache-Status = "MISS";
    }
}
