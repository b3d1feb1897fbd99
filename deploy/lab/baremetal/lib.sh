# Shared by build-agent and build-os-image (sourced, not run): Debian's kernel taken from its package (never
# installed on the host), the kernel modules a QEMU VM needs, and a busybox initramfs around an /init script.
# Downloads are cached under $CACHE (FERRUM_LAB_CACHE, default /var/cache/ferrum-lab), so a second build is fast and
# works offline.

CACHE=${FERRUM_LAB_CACHE:-/var/cache/ferrum-lab}
# The kernel package: the newest linux-image-*-cloud-amd64 that the cloud metapackage depends on (apt-cache reads
# the local package lists, no network), or FERRUM_LAB_KERNEL_PKG=linux-image-6.1.0-57-cloud-amd64 to pin one.
KERNEL_META=${FERRUM_LAB_KERNEL_META:-linux-image-cloud-amd64}
# What the VM needs from modules (the cloud kernel builds virtio as modules); dependencies are added in load order.
VM_MODULES=${FERRUM_LAB_VM_MODULES:-virtio_pci virtio_net virtio_blk}
BUSYBOX=${FERRUM_LAB_BUSYBOX:-/bin/busybox}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

say() { echo "${PROG:-baremetal}: $*" >&2; }
fail() { echo "${PROG:-baremetal}: error: $*" >&2; exit 1; }

need_tools() {
  local t missing=()
  for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  [ ${#missing[@]} -eq 0 ] || fail "missing tools: ${missing[*]} (Debian packages in .ci/apt/baremetal.txt)"
}

# Prints the directory holding the extracted kernel package (boot/vmlinuz-*, lib/modules/*), downloading and
# extracting it into the cache the first time.
kernel_tree() {
  local pkg=${FERRUM_LAB_KERNEL_PKG:-} dir deb
  mkdir -p "$CACHE/kernel"
  if [ -z "$pkg" ]; then
    pkg=$(apt-cache depends "$KERNEL_META" 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' | head -n1)
  fi
  if [ -z "$pkg" ]; then
    # No package lists (or no such package): the newest kernel already in the cache, if any.
    dir=$(ls -d "$CACHE"/kernel/linux-image-*/ 2>/dev/null | sort -V | tail -n1)
    [ -n "$dir" ] || fail "cannot resolve $KERNEL_META (apt-get update?) and no kernel in $CACHE/kernel"
    say "apt cannot resolve $KERNEL_META; using the cached $(basename "$dir")"
    echo "${dir%/}"
    return 0
  fi
  dir=$CACHE/kernel/$pkg
  if [ -f "$dir/.complete" ]; then
    say "kernel: $pkg (cached in $dir)"
    echo "$dir"
    return 0
  fi
  deb=$(ls "$CACHE"/kernel/"${pkg}"_*.deb 2>/dev/null | sort -V | tail -n1)
  if [ -z "$deb" ]; then
    say "kernel: downloading $pkg (apt-get download)"
    if ! (cd "$CACHE/kernel" && apt-get download -q -o APT::Sandbox::User=root "$pkg" >&2); then
      dir=$(ls -d "$CACHE"/kernel/linux-image-*/ 2>/dev/null | sort -V | tail -n1)
      [ -n "$dir" ] || fail "apt-get download $pkg failed and no kernel in $CACHE/kernel"
      say "download failed; using the cached $(basename "$dir")"
      echo "${dir%/}"
      return 0
    fi
    deb=$(ls "$CACHE"/kernel/"${pkg}"_*.deb | sort -V | tail -n1)
  fi
  say "kernel: extracting $(basename "$deb") into $dir"
  rm -rf "$dir.tmp"
  mkdir -p "$dir.tmp"
  dpkg-deb -x "$deb" "$dir.tmp"
  ls "$dir.tmp"/boot/vmlinuz-* >/dev/null 2>&1 || fail "$deb has no boot/vmlinuz-*"
  touch "$dir.tmp/.complete"
  rm -rf "$dir"
  mv "$dir.tmp" "$dir"
  echo "$dir"
}

kernel_image() { ls "$1"/boot/vmlinuz-* | head -n1; }

# Module file of a module name (dashes and underscores are the same to the kernel); empty if built in or absent.
module_file() {
  local tree=$1 name=${2//-/_} f
  while IFS= read -r f; do
    local base=${f##*/}
    base=${base%%.ko*}
    [ "${base//-/_}" = "$name" ] && { echo "$f"; return 0; }
  done < <(find "$tree"/lib/modules -name '*.ko*')
  return 0
}

module_depends() {
  # the depends= entry of the module's .modinfo section (NUL-separated strings)
  local f=$1
  case "$f" in
    *.ko.xz) xz -dc "$f" ;;
    *.ko.zst) zstd -dc "$f" ;;
    *.ko.gz) gzip -dc "$f" ;;
    *) cat "$f" ;;
  esac | tr '\0' '\n' | sed -n 's/^depends=//p' | head -n1 | tr ',' ' '
}

# Prints the module files for $VM_MODULES and their dependencies, dependencies first (insmod order). A module the
# kernel has built in is skipped, said so.
resolve_modules() {
  local tree=$1 seen=' ' order=()
  visit() {
    local name=${1//-/_} f dep
    [[ $seen == *" $name "* ]] && return 0
    seen+="$name "
    f=$(module_file "$tree" "$name")
    if [ -z "$f" ]; then
      if grep -qs "/${name//_/[_-]}\.ko" "$tree"/lib/modules/*/modules.builtin; then
        say "module $name is built into the kernel"
      else
        fail "module $name is neither a module of nor built into $(basename "$tree")"
      fi
      return 0
    fi
    for dep in $(module_depends "$f"); do visit "$dep"; done
    order+=("$f")
  }
  local m
  for m in $VM_MODULES; do visit "$m"; done
  printf '%s\n' "${order[@]}"
}

# make_initramfs TREE INIT OUT [NAME=VALUE...]: a gzip'd newc cpio with busybox (every applet a symlink), the VM's
# modules under /lib/modules (uncompressed, in /lib/modules/load-order), the shared /lib/ferrum/common.sh, the
# udhcpc script and INIT as /init. Extra NAME=VALUE pairs become /etc/ferrum/NAME files.
make_initramfs() {
  local tree=$1 init=$2 out=$3; shift 3
  local stage f base applet
  stage=$(mktemp -d)
  mkdir -p "$stage"/{bin,sbin,dev,proc,sys,tmp,run,etc/ferrum,lib/modules,lib/ferrum,usr/bin,usr/sbin}
  cp "$BUSYBOX" "$stage/bin/busybox"
  for applet in $("$BUSYBOX" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$stage/bin/$applet"
  done
  local mods
  mods=$(resolve_modules "$tree") || fail "cannot resolve the modules $VM_MODULES"
  : > "$stage/lib/modules/load-order"
  while IFS= read -r f; do
    [ -n "$f" ] || continue
    base=${f##*/}
    base=${base%%.ko*}.ko
    case "$f" in
      *.ko.xz) xz -dc "$f" > "$stage/lib/modules/$base" ;;
      *.ko.zst) zstd -dc "$f" > "$stage/lib/modules/$base" ;;
      *.ko.gz) gzip -dc "$f" > "$stage/lib/modules/$base" ;;
      *) cp "$f" "$stage/lib/modules/$base" ;;
    esac
    echo "$base" >> "$stage/lib/modules/load-order"
  done <<< "$mods"
  say "modules (load order): $(tr '\n' ' ' < "$stage/lib/modules/load-order")"
  cp "$HERE/initramfs-common.sh" "$stage/lib/ferrum/common.sh"
  cp "$HERE/udhcpc.script" "$stage/lib/ferrum/udhcpc.script"
  chmod 755 "$stage/lib/ferrum/udhcpc.script"
  cp "$init" "$stage/init"
  chmod 755 "$stage/init"
  local kv
  for kv in "$@"; do printf '%s\n' "${kv#*=}" > "$stage/etc/ferrum/${kv%%=*}"; done
  # Fixed times and owners, so the same inputs give the same bytes.
  find "$stage" -exec touch -h -d @0 {} +
  (cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible) \
    | gzip -n -9 > "$out.tmp"
  mv "$out.tmp" "$out"
  rm -rf "$stage"
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
