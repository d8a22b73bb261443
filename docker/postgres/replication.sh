#!/bin/sh
# Lets the replica of the "replica" profile (docker/compose.yaml) stream from this server: the
# image's own pg_hba.conf admits every database over the network but not replication.
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
