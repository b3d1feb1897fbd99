# Shared by the deploy agent's /init and the OS image's /init (busybox ash, sourced as /lib/ferrum/common.sh):
# early mounts and console, kernel modules, the boot NIC, DHCP and HTTP through busybox wget.
# Every line goes to the console (ttyS0) prefixed with $LOG_PREFIX.

export PATH=/bin:/sbin:/usr/bin:/usr/sbin
LOG_PREFIX=${LOG_PREFIX:-ferrum}

log() { echo "$LOG_PREFIX: $*"; }

# /dev, /proc, /sys, /tmp, /run; stdin/out/err to the console (the kernel found no /dev/console in the initramfs,
# so it is opened here, once devtmpfs is mounted).
early_setup() {
  mount -t devtmpfs devtmpfs /dev 2>/dev/null || mount -t tmpfs tmpfs /dev
  exec </dev/console >/dev/console 2>&1
  mount -t proc proc /proc
  mount -t sysfs sysfs /sys
  mount -t tmpfs tmpfs /tmp
  mount -t tmpfs tmpfs /run
  mkdir -p /dev/pts /run/ferrum
  mount -t devpts devpts /dev/pts 2>/dev/null
  echo 1 > /proc/sys/kernel/printk 2>/dev/null   # keep kernel chatter off the console from here on
  hostname ferrum-boot 2>/dev/null
}

# The value of NAME=VALUE on the kernel command line (empty when absent).
cmdline_arg() {
  local w
  for w in $(cat /proc/cmdline); do
    case "$w" in "$1"=*) echo "${w#*=}"; return 0 ;; esac
  done
}

load_modules() {
  local m
  for m in $(cat /lib/modules/load-order); do
    if insmod "/lib/modules/$m" 2>/tmp/insmod.err; then
      log "insmod $m"
    elif grep -q 'File exists' /tmp/insmod.err; then
      log "insmod $m: already loaded"
    else
      log "insmod $m failed: $(cat /tmp/insmod.err)"
    fi
  done
}

# The interface whose MAC is $1 (any case, colon form), else the first one that is not lo; waits up to 15 s for
# the driver to register it.
find_nic() {
  local want i n mac
  want=$(echo "$1" | tr 'A-F' 'a-f')
  for i in $(seq 1 30); do
    if [ -n "$want" ]; then
      for n in /sys/class/net/*; do
        mac=$(cat "$n/address" 2>/dev/null)
        [ "$mac" = "$want" ] && { echo "${n##*/}"; return 0; }
      done
    fi
    for n in /sys/class/net/*; do
      [ "${n##*/}" = lo ] && continue
      [ -e "$n" ] || continue
      if [ -z "$want" ] || [ "$i" -ge 10 ]; then
        echo "${n##*/}"
        return 0
      fi
    done
    sleep 0.5
  done
  return 1
}

# Brings the interface up and holds a DHCP lease on it: udhcpc returns once bound and stays in the background to
# renew. Retries until a lease arrives.
dhcp() {
  local nic=$1
  ip link set lo up
  ip link set "$nic" up
  log "DHCP on $nic ($(cat /sys/class/net/$nic/address))"
  until udhcpc -i "$nic" -s /lib/ferrum/udhcpc.script -t 5 -T 2 -A 3 -x hostname:ferrum-boot >/tmp/udhcpc.log 2>&1
  do
    log "no DHCP lease yet on $nic; retrying"
    sleep 1
  done
  . /run/ferrum/lease
  log "lease $ip/$prefix router ${router:-none} from ${server:-?} for ${lease:-?} s"
}

# Form value encoding (application/x-www-form-urlencoded).
urlencode() {
  local s=$1 out='' c
  while [ -n "$s" ]; do
    c=${s%"${s#?}"}
    s=${s#?}
    case "$c" in
      [A-Za-z0-9._~-]) out="$out$c" ;;
      ' ') out="$out+" ;;
      *) out="$out$(printf '%%%02X' "'$c")" ;;
    esac
  done
  echo "$out"
}

# http GET|POST URL OUT [FORM]: one request through busybox wget, which exits 1 on any non-2xx and prints the
# server's status lines with -S. Sets HTTP_STATUS (000 when no response came back) and HTTP_ERROR (wget's message),
# returns 0 on a 2xx. The bearer token, when $TOKEN is set, goes in the Authorization header.
http() {
  local method=$1 url=$2 out=$3 form=$4 rc
  if [ "$method" = POST ]; then
    timeout "${HTTP_TIMEOUT:-30}" wget -q -S -O "$out" ${TOKEN:+--header "Authorization: Bearer $TOKEN"} \
      --post-data "$form" "$url" 2>/tmp/http.err
  else
    timeout "${HTTP_TIMEOUT:-30}" wget -q -S -O "$out" ${TOKEN:+--header "Authorization: Bearer $TOKEN"} \
      "$url" 2>/tmp/http.err
  fi
  rc=$?
  HTTP_STATUS=$(sed -n 's/^ *HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' /tmp/http.err | tail -n1)
  [ -n "$HTTP_STATUS" ] || HTTP_STATUS=000
  HTTP_ERROR=$(grep '^wget: ' /tmp/http.err | tail -n1)
  [ $rc -eq 143 ] || [ $rc -eq 124 ] && HTTP_ERROR="no answer in ${HTTP_TIMEOUT:-30} s"
  case "$HTTP_STATUS" in 2??) [ $rc -eq 0 ] && return 0 ;; esac
  return 1
}

# A shell on the serial console (respawned), for whoever attaches to it.
console_shell() {
  ( while :; do setsid -c sh -l </dev/ttyS0 >/dev/ttyS0 2>&1; sleep 1; done ) &
}

idle_forever() {
  while :; do sleep 3600; done
}
