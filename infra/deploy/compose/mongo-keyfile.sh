#!/bin/sh
# mongod of a replica set with authentication needs a key file readable by its own user only;
# the key comes from MONGO_REPLICA_SET_KEY, so it is never a file left in the repository.
set -eu
umask 077
printf '%s' "$MONGO_REPLICA_SET_KEY" > /data/db-keyfile
chown mongodb:mongodb /data/db-keyfile
exec docker-entrypoint.sh "$@"
