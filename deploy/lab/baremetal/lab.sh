# The device lab's bare-metal servers (sourced by deploy/lab/lab; uses its log, die, split_csv, LAB_ROOT,
# LAB_HOST_IP and MGMT_BRIDGE). Built by `lab up --from DIR` when DIR/baremetal.csv exists:
#   - a QEMU VM per server (KVM when /dev/kvm is usable, else TCG), virtio disk and a virtio NIC (iPXE ROM) on the
#     provisioning bridge flabpxe, which carries each pxe_gateway address (the lab host stands in for the leaf's
#     gateway and DHCP relay), boot order network then disk;
#   - a BMC per server: OpenIPMI's ipmi_sim answering IPMI over LAN (lanplus) on bmc_address:623, with the VM behind
#     qemu's ipmi-bmc-extern + isa-ipmi-kcs. ipmi_sim starts the VM on power on (startcmd), asks qemu to power off
#     over that link (and SIGTERMs it when it has not gone after poweroff_wait), resets it on power reset;
#     The BMC also has FRU 0 (product serial = the CSV's serial), an inlet temperature sensor with its SDR, and, with
#     the ipmi_sim_bootdev module (built once with gcc + libopenipmi-dev), chassis bootdev: the next power on orders
#     qemu's boot devices by it;
#   - dnsmasq (DHCP only) on flabpxe with Ferrum's DIR/dhcp-dnsmasq.conf.
# ipmi_sim runs in the server's own namespace (the lab builds servers of the inventory as namespaces holding their
# BMC address, so its sshd and snmpd stay reachable); a server that is not a lab device gets a namespace of its own.
# QEMU runs in the lab host's namespace (named flabroot for ip netns exec), where flabpxe and the taps are.
# Every process is forked at lab up or by a power action; nothing forks per status poll. See docs/lab.md.

BM_HEADER='hostname,serial,bmc_address,bmc_prefix_length,bmc_user,bmc_password,pxe_mac,pxe_address,pxe_prefix_length,pxe_gateway,disk_mb'
BM_ROOT=$LAB_ROOT/bm
BM_BRIDGE=flabpxe
BM_ROOT_NETNS=flabroot
BM_VM_PORT=9002
# Ferrum exports no BMC logins (they are secrets); empty CSV cells take these.
BM_DEFAULT_USER=${FERRUM_LAB_BMC_USER:-admin}
BM_DEFAULT_PASSWORD=${FERRUM_LAB_BMC_PASSWORD:-ferrum-lab-bmc}
BM_DEFAULT_DISK_MB=${FERRUM_LAB_DISK_MB:-2048}
BM_VM_MB=${FERRUM_LAB_VM_MB:-256}

# Why the bare-metal part cannot be built here (empty when it can).
bm_missing() {
  local m=()
  command -v qemu-system-x86_64 >/dev/null 2>&1 || m+=("qemu-system-x86_64 (qemu-system-x86)")
  command -v ipmi_sim >/dev/null 2>&1 || m+=("ipmi_sim (openipmi)")
  command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || m+=("dnsmasq (dnsmasq-base)")
  [ -e /dev/net/tun ] || m+=("/dev/net/tun")
  [ ${#m[@]} -eq 0 ] || echo "missing ${m[*]}; apt-get install \$(cat .ci/apt/baremetal.txt)"
}

bm_is_ipv4() {
  [[ $1 =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] || return 1
  local o
  for o in "${BASH_REMATCH[@]:1}"; do [ "$o" -le 255 ] || return 1; done
}

# The lab only uses 198.18.0.0/15 (RFC 2544), so it never takes a real network's address on this host.
bm_in_lab_range() { bm_is_ipv4 "$1" && [[ $1 =~ ^198\.1[89]\. ]]; }

bm_accel() {
  if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then echo kvm; else echo tcg; fi
}

# Reads DIR/baremetal.csv into $BM_ROOT/servers.tsv: hostname, serial, bmc ip, bmc length, user, password, mac,
# pxe address, pxe length, gateway, disk MB ('-' for an empty serial or pxe address).
bm_load() {
  local csv=$1 out=$2 lineno=0 line i name
  local -A col
  : > "$out"
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    lineno=$((lineno + 1))
    [ -z "$line" ] && continue
    split_csv "$line"
    if [ $lineno -eq 1 ]; then
      for i in "${!FIELDS[@]}"; do col[${FIELDS[$i]}]=$i; done
      for name in ${BM_HEADER//,/ }; do
        [ -n "${col[$name]:-}" ] || code=2 die "$csv: no column '$name' (the header is $BM_HEADER)"
      done
      continue
    fi
    local host=${FIELDS[${col[hostname]}]:-} serial=${FIELDS[${col[serial]}]:-} bmc=${FIELDS[${col[bmc_address]}]:-}
    local bmc_len=${FIELDS[${col[bmc_prefix_length]}]:-} user=${FIELDS[${col[bmc_user]}]:-}
    local pass=${FIELDS[${col[bmc_password]}]:-} mac=${FIELDS[${col[pxe_mac]}]:-} pxe=${FIELDS[${col[pxe_address]}]:-}
    local pxe_len=${FIELDS[${col[pxe_prefix_length]}]:-} gw=${FIELDS[${col[pxe_gateway]}]:-}
    local disk=${FIELDS[${col[disk_mb]}]:-}
    local where="$csv:$lineno"
    [[ $host =~ ^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$ ]] || code=2 die "$where: hostname '$host' is not a hostname"
    [[ $serial =~ ^[A-Za-z0-9._-]{0,64}$ ]] || code=2 die "$where: serial '$serial' (letters, digits, . _ - only)"
    bm_in_lab_range "$bmc" || code=2 die "$where: bmc_address '$bmc' is not an IPv4 address inside 198.18.0.0/15"
    [[ ${bmc_len:-32} =~ ^[0-9]+$ ]] && [ "${bmc_len:-32}" -le 32 ] || code=2 die "$where: bad bmc_prefix_length"
    [ -n "$user" ] || user=$BM_DEFAULT_USER
    [ -n "$pass" ] || pass=$BM_DEFAULT_PASSWORD
    [[ $user =~ ^[A-Za-z0-9._-]{1,16}$ ]] || code=2 die "$where: bmc_user must be 1-16 of A-Z a-z 0-9 . _ -"
    [[ $pass =~ ^[^\"\\[:space:]]{1,20}$ ]] || code=2 die "$where: bmc_password must be 1-20 characters, no quotes, backslashes or spaces"
    mac=${mac,,}
    [[ $mac =~ ^[0-9a-f]{2}(:[0-9a-f]{2}){5}$ ]] || code=2 die "$where: pxe_mac '$mac' is not a MAC (aa:bb:cc:dd:ee:ff)"
    [ -z "$pxe" ] || bm_in_lab_range "$pxe" || code=2 die "$where: pxe_address '$pxe' is not inside 198.18.0.0/15"
    bm_in_lab_range "$gw" || code=2 die "$where: pxe_gateway '$gw' is not an IPv4 address inside 198.18.0.0/15"
    [[ $pxe_len =~ ^[0-9]+$ ]] && [ "$pxe_len" -ge 8 ] && [ "$pxe_len" -le 30 ] \
      || code=2 die "$where: pxe_prefix_length '$pxe_len' must be 8-30"
    [ -n "$disk" ] || disk=$BM_DEFAULT_DISK_MB
    [[ $disk =~ ^[0-9]+$ ]] && [ "$disk" -ge 16 ] || code=2 die "$where: disk_mb '$disk' must be a number >= 16"
    # no empty cells: read collapses adjacent tabs (IFS whitespace)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$host" "${serial:--}" "$bmc" "${bmc_len:-32}" "$user" \
      "$pass" "$mac" "${pxe:--}" "$pxe_len" "$gw" "$disk" >> "$out"
  done < "$csv"
  local dup
  for i in 1 3 7; do
    dup=$(cut -f$i "$out" | sort | uniq -d | head -n1)
    [ -z "$dup" ] || code=2 die "$csv: $(cut -d, -f$i <<< "$BM_HEADER") $dup appears twice"
  done
}

# bm_up DIR: the bare-metal part of lab up --from DIR (nothing without DIR/baremetal.csv).
bm_up() {
  local dir=$1 why started=$SECONDS
  [ -f "$dir/baremetal.csv" ] || return 0
  why=$(bm_missing)
  if [ -n "$why" ]; then
    log "bare metal: skipped: $why"
    return 0
  fi
  mkdir -p "$BM_ROOT"
  bm_load "$dir/baremetal.csv" "$BM_ROOT/servers.tsv"
  if [ ! -s "$BM_ROOT/servers.tsv" ]; then
    log "bare metal: $dir/baremetal.csv lists no servers"
    return 0
  fi
  local accel
  accel=$(bm_accel)
  if [ "$accel" = kvm ]; then
    log "bare metal: qemu uses KVM"
  else
    log "bare metal: qemu uses TCG (no usable /dev/kvm): software emulation, slow"
  fi
  echo "$accel" > "$BM_ROOT/accel"
  # SeaBIOS's serial console (fw_cfg etc/sercon-port, a little-endian integer): BIOS and iPXE text reach console.log
  printf '\xf8\x03' > "$BM_ROOT/sercon-port"

  bm_bootdev_module > "$BM_ROOT/bootdev-module"
  bm_sdrs
  # QEMU runs in this namespace, started from ipmi_sim inside the server's; this names it for ip netns exec.
  ip netns del "$BM_ROOT_NETNS" 2>/dev/null || true
  ip netns attach "$BM_ROOT_NETNS" $$
  touch "$BM_ROOT/rootns"
  ip link add "$BM_BRIDGE" type bridge
  ip link set "$BM_BRIDGE" up
  local gw_cidr
  for gw_cidr in $(awk -F'\t' '{ print $10 "/" $9 }' "$BM_ROOT/servers.tsv" | sort -u); do
    ip addr add "$gw_cidr" dev "$BM_BRIDGE"
  done

  local i=0 host serial bmc bmc_len user pass mac pxe pxe_len gw disk
  : > "$BM_ROOT/namespaces.txt"
  while IFS=$'\t' read -r host serial bmc bmc_len user pass mac pxe pxe_len gw disk; do
    i=$((i + 1))
    bm_server "$i" "$host" "$serial" "$bmc" "$bmc_len" "$user" "$pass" "$mac" "$gw" "$disk" "$accel"
  done < "$BM_ROOT/servers.tsv"

  if [ -f "$dir/dhcp-dnsmasq.conf" ]; then
    bm_dnsmasq "$(cd "$dir" && pwd)/dhcp-dnsmasq.conf"
  else
    log "bare metal: warning: no $dir/dhcp-dnsmasq.conf (ferrum lab export --boot-url URL writes it): no DHCP on $BM_BRIDGE, the servers cannot network-boot"
  fi
  while IFS=$'\t' read -r host serial bmc bmc_len user pass _; do
    bm_wait_bmc "$host" "$bmc" "$user" "$pass"
  done < "$BM_ROOT/servers.tsv"
  log "bare metal: $i servers (powered off; BMCs on 623/udp, lanplus) on $BM_BRIDGE in $((SECONDS - started))s"
}

# One server: its tap on flabpxe, its BMC's namespace and address, disk, ipmi_sim config and the VM start script.
bm_server() {
  local i=$1 host=$2 serial=$3 bmc=$4 bmc_len=$5 user=$6 pass=$7 mac=$8 gw=$9 disk=${10} accel=${11}
  local d=$BM_ROOT/$host tap=flabt$i ns
  mkdir -p "$d/state"
  ip tuntap add dev "$tap" mode tap
  ip link set "$tap" master "$BM_BRIDGE" up

  # The BMC lives in the server's lab namespace when the lab built one; otherwise in a namespace of its own, wired
  # to the management bridge like a device.
  ns=$host
  if grep -qxF "$host" "$LAB_ROOT/devices.txt" 2>/dev/null; then
    local addrs
    addrs=$(ip -n "$ns" -4 -o addr show)
    if [[ $addrs != *" inet $bmc/"* ]]; then
      ip -n "$ns" addr add "$bmc/32" dev mgmt0
      ip route replace "$bmc" dev "$MGMT_BRIDGE" src "$LAB_HOST_IP"
    fi
  else
    ip netns add "$ns"
    echo "$ns" >> "$BM_ROOT/namespaces.txt"
    ip -n "$ns" link set lo up
    ip link add "flabb$i" type veth peer name bmc0 netns "$ns"
    ip link set "flabb$i" master "$MGMT_BRIDGE" up
    ip -n "$ns" addr add "$bmc/$bmc_len" dev bmc0
    ip -n "$ns" link set bmc0 up
    ip -n "$ns" route add "$LAB_HOST_IP" dev bmc0
    ip route add "$bmc" dev "$MGMT_BRIDGE" src "$LAB_HOST_IP"
  fi
  echo "$ns" > "$d/netns"
  echo "$tap" > "$d/tap"
  truncate -s "${disk}M" "$d/disk.img"
  : > "$d/console.log"

  local cpu=() smbios accel_opts=$accel
  [ "$accel" = kvm ] && cpu=(-cpu host)
  # TCG's translation cache otherwise grows towards 1 GiB per VM; 64 MiB holds what a boot and a stream run
  [ "$accel" = tcg ] && accel_opts=tcg,tb-size=64
  [ "$serial" = - ] && serial=''
  smbios="type=1,manufacturer=Ferrum lab,product=Ferrum lab server${serial:+,serial=$serial}"
  # ipmi_sim runs this on power on (startcmd, through sh -c exec): every step execs, so the VM keeps the PID that
  # ipmi_sim watches. The console goes to console.log and to console.sock (attach: socat - UNIX:console.sock).
  # Boot order network then disk, unless the BMC was told otherwise (chassis bootdev, kept in the file bootdev by
  # the ipmi_sim_bootdev module; a one-time setting is used up here).
  cat > "$d/start-vm" <<SH
#!/bin/sh
# $host: started by its BMC (ipmi_sim) on power on; written by deploy/lab/lab up.
net=1 disk=2 dev=default mode=
if [ -f "$d/bootdev" ]; then
  read dev mode < "$d/bootdev"
  case "\$dev" in disk|safe) net=2 disk=1 ;; esac
  [ "\$mode" = persistent ] || mv -f "$d/bootdev" "$d/bootdev.used"
fi
echo "\$(date -u +%FT%TZ) power on, boot device \$dev \$mode" >> "$d/qemu.log"
exec ip netns exec $BM_ROOT_NETNS qemu-system-x86_64 -name "$host" -machine pc -accel $accel_opts ${cpu[*]} \\
  -m $BM_VM_MB -smp 1 -nodefaults -display none -no-user-config -smbios "$smbios" \\
  -chardev socket,id=console,path="$d/console.sock",server=on,wait=off,logfile="$d/console.log",logappend=on \\
  -serial chardev:console \\
  -netdev tap,id=pxe,ifname=$tap,script=no,downscript=no \\
  -device virtio-net-pci,netdev=pxe,mac=$mac,bootindex=\$net \\
  -drive if=none,id=disk,file="$d/disk.img",format=raw \\
  -device virtio-blk-pci,drive=disk,bootindex=\$disk \\
  -chardev socket,id=ipmi,host=$bmc,port=$BM_VM_PORT,reconnect=1 \\
  -device ipmi-bmc-extern,id=bmc,chardev=ipmi \\
  -device isa-ipmi-kcs,bmc=bmc \\
  -fw_cfg name=etc/sercon-port,file="$BM_ROOT/sercon-port" \\
  -pidfile "$d/qemu.pid" 2>> "$d/qemu.log"
SH
  chmod 755 "$d/start-vm"

  local guid
  guid=$(printf '%s' "$host" | sha256sum | cut -c1-32)
  cat > "$d/lan.conf" <<CFG
# ipmi_sim for $host, written by deploy/lab/lab up
name "$host"
set_working_mc 0x20
  startlan 1
    addr $bmc 623
    priv_limit admin
    allowed_auths_callback md5 straight
    allowed_auths_user md5 straight
    allowed_auths_operator md5 straight
    allowed_auths_admin md5 straight
    guid $guid
  endlan
  # The system interface: qemu's ipmi-bmc-extern connects here (VM codec): power off and reset reach the VM.
  serial 15 $bmc $BM_VM_PORT codec VM
  startcmd "$d/start-vm"
  startnow false
  # power off: the VM is told to stop over the VM link, SIGTERMed after poweroff_wait s, SIGKILLed kill_wait s later
  poweroff_wait 5
  kill_wait 3
  user 2 true "$user" "$pass" admin 10 md5 straight
CFG
  local module
  module=$(cat "$BM_ROOT/bootdev-module")
  [ -z "$module" ] || printf '# chassis bootdev reaches the VM through the file bootdev\nloadlib "%s" "%s"\n' \
    "$module" "$d/bootdev" >> "$d/lan.conf"
  local fru
  fru=$(bm_fru "$host" "$serial")
  cat > "$d/bmc.emu" <<EMU
# The BMC of $host: one MC with chassis support (device support 0x9f), SEL, a watchdog, an inlet temperature sensor
# (SDRs in state/ipmi_sim/$host/sdr.20.main) and FRU 0 with the product's serial.
mc_setbmc 0x20
mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
sel_enable 0x20 1000 0x0a
sensor_add 0x20 0 0 35 0x6f event-only
sensor_set_event_support 0x20 0 0 enable scanning per-state 000000000001111 000000000000000 000000000001111 000000000000000
sensor_add 0x20 0 1 0x01 0x01
sensor_set_value 0x20 0 1 24 0
mc_add_fru_data 0x20 0 $(wc -w <<< "$fru") data $fru
mc_enable 0x20
EMU
  mkdir -p "$d/state/ipmi_sim/$host"
  [ -f "$BM_ROOT/sdr.20.main" ] && cp "$BM_ROOT/sdr.20.main" "$d/state/ipmi_sim/$host/sdr.20.main"
  bm_start_bmc "$host"
}

bm_start_bmc() {
  local d=$BM_ROOT/$1
  setsid ip netns exec "$(cat "$d/netns")" ipmi_sim -n -c "$d/lan.conf" -f "$d/bmc.emu" -s "$d/state" \
    >> "$d/ipmi_sim.log" 2>&1 < /dev/null &
  echo $! > "$d/ipmi_sim.pid"
}

# lab bmc HOSTNAME stop|start: stops or starts a server's BMC (ipmi_sim) alone, for failure tests; the VM keeps
# running (its IPMI link reconnects when the BMC is back, and the BMC then reports it on).
bm_bmc() {
  [ $# -eq 2 ] || { echo "usage: lab bmc HOSTNAME stop|start" >&2; exit 2; }
  local host=$1 action=$2 d=$BM_ROOT/$1 pid
  [ -f "$d/lan.conf" ] || code=2 die "no bare-metal server $host in the lab"
  pid=$(cat "$d/ipmi_sim.pid" 2>/dev/null || true)
  case "$action" in
    stop)
      [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do { [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; } && break; sleep 0.1; done
      rm -f "$d/ipmi_sim.pid" ;;
    start)
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then log "$host: BMC already running"; return 0; fi
      bm_start_bmc "$host"
      local bmc user pass
      IFS=$'\t' read -r _ _ bmc _ user pass _ < <(awk -F'\t' -v h="$host" '$1 == h' "$BM_ROOT/servers.tsv")
      bm_wait_bmc "$host" "$bmc" "$user" "$pass" ;;
    *) code=2 die "usage: lab bmc HOSTNAME stop|start" ;;
  esac
  log "$host: BMC $action"
}

# Prints the path of the ipmi_sim_bootdev module (built once into the cache: gcc and libopenipmi-dev), or nothing,
# said so, when it cannot be built; ipmi_sim then refuses chassis bootdev and the VMs boot network first.
bm_bootdev_module() {
  local src=$LAB_HOME/baremetal/ipmi_sim_bootdev.c cache=${FERRUM_LAB_CACHE:-/var/cache/ferrum-lab} so
  so=$cache/ipmi_sim_bootdev-$(cat "$src" /usr/include/OpenIPMI/mcserv.h 2>/dev/null | sha256sum | cut -c1-12).so
  if [ -f "$so" ]; then echo "$so"; return 0; fi
  if ! command -v gcc >/dev/null 2>&1 || [ ! -f /usr/include/OpenIPMI/mcserv.h ]; then
    log "bare metal: note: chassis bootdev will not reach the VMs (building the ipmi_sim module needs gcc and libopenipmi-dev); they boot network first"
    return 0
  fi
  mkdir -p "$cache"
  if gcc -shared -fPIC -O2 -Wall -o "$so.tmp" "$src" >&2; then
    mv "$so.tmp" "$so"
    echo "$so"
  else
    rm -f "$so.tmp"
    log "bare metal: warning: could not build $src; chassis bootdev will not reach the VMs"
  fi
}

# FRU 0 of a server's BMC (IPMI FRU format, as ipmitool fru print reads it): the common header and a product info
# area with manufacturer, product name, part number, version and serial. Prints the bytes as 0x.. words.
bm_fru() {
  local serial=${2:-} f
  local -a area=(1 0 0) bytes
  # (a one-character field would be 0xc1, the end marker)
  local i c
  for f in "Ferrum lab" "Ferrum lab server" "FLS-VM" "1.0" "$serial" "" ""; do
    area+=($((0xc0 | ${#f})))
    for ((i = 0; i < ${#f}; i++)); do printf -v c '%d' "'${f:i:1}"; area+=("$c"); done
  done
  area+=(0xc1)
  while [ $(( (${#area[@]} + 1) % 8 )) -ne 0 ]; do area+=(0); done
  area[1]=$(( (${#area[@]} + 1) / 8 ))
  local sum=0 b
  for b in "${area[@]}"; do sum=$((sum + b)); done
  area+=($(( (256 - sum % 256) % 256 )))
  # common header: version 1, product area at offset 8 (1 x 8 bytes), checksum
  bytes=(1 0 0 0 1 0 0 $(( (256 - 2) % 256 )) "${area[@]}")
  for b in "${bytes[@]}"; do printf '0x%02x ' "$b"; done
}

# The SDR repository every BMC starts with (the management controller and the inlet temperature sensor), compiled
# once per lab up with OpenIPMI's sdrcomp into ipmi_sim's persist format.
bm_sdrs() {
  command -v sdrcomp >/dev/null 2>&1 || { log "bare metal: note: no sdrcomp; the BMCs have no SDRs (ipmitool sensor lists nothing)"; return 0; }
  cat > "$BM_ROOT/bmc.sdrs" <<'SDRS'
sdr type 18
	device_slave_address	0x20
	device_channel_number	0
	chassis			true
	ipmb_event_gen		false
	ipmb_event_recv		false
	fru_inventory		true
	sel			true
	sdr			true
	sensor			true
	entity_id		system_board
	entity_instance		1
	id_string		"BMC"
endsdr

sdr type 1
	sensor_owner_id		0x20
	sensor_owner_lun	0
	channel_number		0
	sensor_number		1
	entity_id		system_board
	entity_instance		1
	sensor_type		Temperature
	init_scanning		true
	init_sensor_type	true
	default_sensor_scan_on	true
	event_reading_type_code	1
	analog_data_format	unsigned
	rate_unit		none
	modifier_unit		none
	percentage		false
	base_unit		degrees_C
	modifier_unit_code	unspecified
	linearization		linear
	m			1
	tolerance		0
	b			0
	accuracy		1
	accuracy_exp		0
	sensor_direction	input
	r_exp			0
	b_exp			0
	sensor_maximum		255
	sensor_minimum		0
	id_string		"Inlet Temp"
endsdr
SDRS
  sdrcomp -o "$BM_ROOT/sdr.20.main" "$BM_ROOT/bmc.sdrs" >&2 || { log "bare metal: warning: sdrcomp failed; no SDRs"; rm -f "$BM_ROOT/sdr.20.main"; }
}

bm_dnsmasq() {
  local conf=$1 bin
  bin=$(command -v dnsmasq || echo /usr/sbin/dnsmasq)
  setsid "$bin" --keep-in-foreground --conf-file="$conf" --port=0 --interface="$BM_BRIDGE" --bind-interfaces \
    --except-interface=lo --no-resolv --no-hosts --user=root --group=root \
    --dhcp-leasefile="$BM_ROOT/dnsmasq.leases" --pid-file="$BM_ROOT/dnsmasq.pid" \
    --log-facility="$BM_ROOT/dnsmasq.log" --log-dhcp > "$BM_ROOT/dnsmasq.out" 2>&1 < /dev/null &
  echo $! > "$BM_ROOT/dnsmasq.pid.lab"
  local _
  for _ in $(seq 1 30); do
    grep -qs 'started, version' "$BM_ROOT/dnsmasq.log" && break
    kill -0 "$(cat "$BM_ROOT/dnsmasq.pid.lab")" 2>/dev/null \
      || code=4 die "bare metal: dnsmasq did not start: $(tail -n3 "$BM_ROOT/dnsmasq.out" "$BM_ROOT/dnsmasq.log" 2>/dev/null)"
    sleep 0.1
  done
  grep -qs 'DHCP, IP range' "$BM_ROOT/dnsmasq.log" \
    || log "bare metal: warning: $conf has no dhcp-range on a subnet of $BM_BRIDGE ($(ip -4 -o addr show dev "$BM_BRIDGE" | awk '{ print $4 }' | paste -sd' ')): DHCP will not answer"
}

# Waits until the BMC answers lanplus with its login (ipmitool), or at least until ipmi_sim is listening.
bm_wait_bmc() {
  local host=$1 bmc=$2 user=$3 pass=$4 d=$BM_ROOT/$1 _
  for _ in $(seq 1 50); do
    kill -0 "$(cat "$d/ipmi_sim.pid")" 2>/dev/null \
      || code=4 die "bare metal: ipmi_sim of $host exited: $(tail -n3 "$d/ipmi_sim.log")"
    if command -v ipmitool >/dev/null 2>&1; then
      ipmitool -I lanplus -C 3 -H "$bmc" -U "$user" -P "$pass" -N 1 -R 1 chassis power status >/dev/null 2>&1 && return 0
    else
      ip netns exec "$(cat "$d/netns")" ss -Hlun "sport = :623" 2>/dev/null | grep -q . && return 0
    fi
    sleep 0.2
  done
  code=4 die "bare metal: the BMC of $host ($bmc) does not answer: see $d/ipmi_sim.log"
}

bm_power() {
  local pid
  pid=$(cat "$BM_ROOT/$1/qemu.pid" 2>/dev/null) || { echo off; return 0; }
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && grep -qa "$BM_ROOT/$1/disk.img" "/proc/$pid/cmdline" 2>/dev/null; then
    echo on
  else
    echo off
  fi
}

bm_status() {
  [ -s "$BM_ROOT/servers.tsv" ] || return 0
  local host serial bmc user mac gw lease
  echo
  echo "bare-metal servers ($(cat "$BM_ROOT/accel" 2>/dev/null) VMs on $BM_BRIDGE; lab console HOSTNAME for the console):"
  printf '  %-22s %-16s %-6s %-18s %-16s %s\n' SERVER BMC_ADDRESS POWER PXE_MAC LEASE BMC_USER
  while IFS=$'\t' read -r host serial bmc _ user _ mac _ _ gw _; do
    lease=$(awk -v m="$mac" '$2 == m { print $3 }' "$BM_ROOT/dnsmasq.leases" 2>/dev/null | head -n1)
    printf '  %-22s %-16s %-6s %-18s %-16s %s\n' "$host" "$bmc" "$(bm_power "$host")" "$mac" "${lease:--}" "$user"
  done < "$BM_ROOT/servers.tsv"
}

bm_console() {
  local host=${1:-} lines=${2:-60}
  [ -n "$host" ] || { echo "usage: lab console HOSTNAME [LINES]" >&2; exit 2; }
  [ -f "$BM_ROOT/$host/console.log" ] || code=2 die "no bare-metal server $host in the lab"
  [[ $lines =~ ^[0-9]+$ ]] || code=2 die "LINES must be a number"
  tail -n "$lines" "$BM_ROOT/$host/console.log"
}

# Stops the VMs, BMCs and dnsmasq (by the PIDs recorded at lab up and in qemu's pidfiles) and removes flabpxe, the
# taps, the BMC namespaces and addresses the bare-metal part added.
bm_down() {
  [ -d "$BM_ROOT" ] || return 0
  local pids=() waited=() f d host n=0
  for f in "$BM_ROOT"/*/qemu.pid "$BM_ROOT/dnsmasq.pid.lab"; do
    [ -f "$f" ] && waited+=($(cat "$f"))
  done
  pids=("${waited[@]}")
  for f in "$BM_ROOT"/*/ipmi_sim.pid; do
    [ -f "$f" ] && pids+=($(cat "$f"))
  done
  [ ${#pids[@]} -gt 0 ] && kill_pids TERM "${pids[@]}"
  # QEMU and dnsmasq stop at once; ipmi_sim takes a second or so on SIGTERM and has nothing to save (SIGKILL below)
  for _ in $(seq 1 30); do
    local alive=0 p
    for p in "${waited[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.1
  done
  [ ${#pids[@]} -gt 0 ] && kill_pids KILL "${pids[@]}"
  if [ -f "$BM_ROOT/servers.tsv" ]; then
    while IFS=$'\t' read -r host _ bmc _; do
      n=$((n + 1))
      d=$BM_ROOT/$host
      [ -f "$d/tap" ] && { ip link del "$(cat "$d/tap")" 2>/dev/null || true; }
      # an address added to a lab device's mgmt0 goes with its namespace; the host route goes here (or with flab0)
      ip route del "$bmc" dev "$MGMT_BRIDGE" 2>/dev/null || true
    done < "$BM_ROOT/servers.tsv"
  fi
  if [ -f "$BM_ROOT/namespaces.txt" ]; then
    local ns rest
    while read -r ns; do
      rest=$(ip netns pids "$ns" 2>/dev/null || true)
      [ -n "$rest" ] && kill_pids KILL $rest
      ip netns del "$ns" 2>/dev/null || true
    done < "$BM_ROOT/namespaces.txt"
  fi
  local link
  for link in $(ip -o link show 2>/dev/null | awk -F': ' '{ print $2 }' | cut -d@ -f1 | grep -E '^flab[bt][0-9]+$' || true); do
    ip link del "$link" 2>/dev/null || true
  done
  ip link del "$BM_BRIDGE" 2>/dev/null || true
  [ -f "$BM_ROOT/rootns" ] && { ip netns del "$BM_ROOT_NETNS" 2>/dev/null || true; }
  log "bare metal: $n servers stopped"
  return 0
}
