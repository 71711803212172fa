# Sourced by bench/http.sh and bench/original.sh: nginx serving a folder as static files, the
# reference both compare against. A plain static setup: sendfile, no access log, one worker per core.
#
#   start_static_nginx CONF_DIR ROOT PORT    # writes CONF_DIR/nginx.conf, starts nginx, sets NGINX_PID

start_static_nginx() {
  local dir=$1 root=$2 port=$3
  mkdir -p "$dir"
  cat >"$dir/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  types { image/jpeg jpg; }
  server { listen 127.0.0.1:$port; root $root; }
}
NGINX
  nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" &
  NGINX_PID=$!
}
