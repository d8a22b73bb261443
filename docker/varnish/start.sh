#!/bin/sh
# Renders the VCL from the environment and runs varnishd in the foreground (signals reach it).
set -eu
acl=""
for purger in $(echo "${PURGERS:-}" | tr ',' ' '); do
  address="${purger%/*}"
  if [ "$address" != "$purger" ]; then
    acl="$acl    \"$address\"/${purger#*/};\n"
  else
    acl="$acl    \"$address\";\n"
  fi
done
sed -e "s/\.host = \"127.0.0.1\";/.host = \"$BACKEND_HOST\";/" \
    -e "s/\.port = \"8080\";/.port = \"$BACKEND_PORT\";/" \
    -e "s|^acl purgers {|acl purgers {\n$acl|" \
    /etc/varnish/newsdesk.vcl.in > /etc/varnish/newsdesk.vcl
exec varnishd -F -f /etc/varnish/newsdesk.vcl -a :80 -s "malloc,$VARNISH_SIZE"
