#!/bin/sh
# ipmi_sim's chassis_control program for the boot-device tests: ipmi_sim runs it (through popen) as
#   chassis-control.sh STATE_DIR get power|boot ...    prints "power:1", "boot:pxe" (one line per parameter)
#   chassis-control.sh STATE_DIR set power 0|1 boot pxe|default|none|cdrom|bios reset 1 identify N F
# ipmi_sim needs such a program to accept Set System Boot Options at all; once it has one, power goes through it
# too, so here power is only a file. Boot names are ipmi_sim's: "default" is the hard drive (ipmitool's "disk").
state=$1
op=$2
shift 2
case $op in
get)
    for parm in "$@"; do
        case $parm in
        power) echo "power:$(cat "$state/power" 2>/dev/null || echo 0)" ;;
        boot) echo "boot:$(cat "$state/boot" 2>/dev/null || echo none)" ;;
        *) echo "no such parameter: $parm"; exit 1 ;;
        esac
    done
    ;;
set)
    while [ $# -ge 2 ]; do
        case $1 in
        power) echo "$2" > "$state/power" ;;
        boot) echo "$2" > "$state/boot" ;;
        reset) ;;
        identify) shift ;;
        *) echo "no such parameter: $1"; exit 1 ;;
        esac
        shift 2
    done
    ;;
*)
    echo "no such operation: $op"
    exit 1
    ;;
esac
