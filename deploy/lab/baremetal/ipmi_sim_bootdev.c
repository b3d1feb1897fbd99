/*
 * ipmi_sim module of the Ferrum device lab: the boot device a BMC client sets (ipmitool chassis bootdev pxe|disk,
 * IPMI "Set System Boot Options" parameter 5) reaches the VM. ipmi_sim alone answers that command with "invalid
 * data field" unless a chassis_control program handles it, and such a program would also take over power, forked
 * once per power-status poll. This module replaces just the two boot-option commands, in process: it keeps the boot
 * flags in a file that the VM's start script reads at the next power on (lab.sh, start-vm), which then orders
 * qemu's boot devices. Power on/off/cycle/reset stay ipmi_sim's own (startcmd and the VM link).
 *
 * The file holds one line, "<device> once" or "<device> persistent" (device: pxe, disk, safe, diag, cdrom, bios,
 * floppy); it is absent when no boot device is set. start-vm renames it away after a "once" boot, so reading the
 * flags back then shows them cleared, as on a real BMC.
 *
 * lan.conf:  loadlib "/path/ipmi_sim_bootdev.so" "/path/to/bootdev"
 * Built by deploy/lab/lab up (gcc, libopenipmi-dev); see docs/lab.md.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <OpenIPMI/ipmi_msgbits.h>
#include <OpenIPMI/ipmi_err.h>
#include <OpenIPMI/serv.h>
#include <OpenIPMI/mcserv.h>

static char *bootdev_file;

static const struct {
    unsigned char code;
    const char *name;
} devices[] = {
    {0x1, "pxe"}, {0x2, "disk"}, {0x3, "safe"}, {0x4, "diag"}, {0x5, "cdrom"}, {0x6, "bios"}, {0xf, "floppy"},
};

static const char *device_name(unsigned char code) {
    for (size_t i = 0; i < sizeof(devices) / sizeof(devices[0]); i++) {
        if (devices[i].code == code) {
            return devices[i].name;
        }
    }
    return NULL;
}

/* Boot flags (parameter 5, 5 bytes) from the file; all zero (not valid) when there is none. */
static void read_flags(unsigned char flags[5]) {
    char name[16] = "", mode[16] = "";
    FILE *f = fopen(bootdev_file, "r");

    memset(flags, 0, 5);
    if (!f) {
        return;
    }
    if (fscanf(f, "%15s %15s", name, mode) >= 1) {
        for (size_t i = 0; i < sizeof(devices) / sizeof(devices[0]); i++) {
            if (strcmp(devices[i].name, name) == 0) {
                flags[0] = 0x80 | (strcmp(mode, "persistent") == 0 ? 0x40 : 0);
                flags[1] = devices[i].code << 2;
            }
        }
    }
    fclose(f);
}

static int write_flags(const unsigned char *flags) {
    unsigned char code = (flags[1] >> 2) & 0xf;
    const char *name = device_name(code);
    char tmp[4096];
    FILE *f;

    if (!(flags[0] & 0x80) || !name) {
        /* not valid, or "no override": the VM keeps its default order */
        if (unlink(bootdev_file) != 0 && errno != ENOENT) {
            return errno;
        }
        return 0;
    }
    snprintf(tmp, sizeof(tmp), "%s.tmp", bootdev_file);
    f = fopen(tmp, "w");
    if (!f) {
        return errno;
    }
    fprintf(f, "%s %s\n", name, (flags[0] & 0x40) ? "persistent" : "once");
    if (fclose(f) != 0) {
        return errno;
    }
    return rename(tmp, bootdev_file) == 0 ? 0 : errno;
}

static void set_boot_options(lmc_data_t *mc, msg_t *msg, unsigned char *rdata, unsigned int *rdata_len,
                             void *cb_data) {
    (void) mc;
    (void) cb_data;
    *rdata_len = 1;
    rdata[0] = 0;
    if (msg->len < 1) {
        rdata[0] = IPMI_REQUEST_DATA_LENGTH_INVALID_CC;
        return;
    }
    switch (msg->data[0] & 0x7f) {
    case 0: /* set in progress */
    case 3: /* BMC boot flag valid bit clearing */
    case 4: /* boot info acknowledge */
        break;
    case 5: /* boot flags */
        if (msg->len < 6) {
            rdata[0] = IPMI_REQUEST_DATA_LENGTH_INVALID_CC;
        } else if (write_flags(msg->data + 1) != 0) {
            rdata[0] = IPMI_UNKNOWN_ERR_CC;
        }
        break;
    default:
        rdata[0] = 0x80; /* parameter not supported */
    }
}

static void get_boot_options(lmc_data_t *mc, msg_t *msg, unsigned char *rdata, unsigned int *rdata_len,
                             void *cb_data) {
    unsigned char param;

    (void) mc;
    (void) cb_data;
    if (msg->len < 3) {
        rdata[0] = IPMI_REQUEST_DATA_LENGTH_INVALID_CC;
        *rdata_len = 1;
        return;
    }
    param = msg->data[0] & 0x7f;
    rdata[0] = 0;
    rdata[1] = 1; /* parameter version */
    rdata[2] = param;
    switch (param) {
    case 0: /* set in progress: set complete */
    case 3: /* valid bit clearing: none masked */
        rdata[3] = 0;
        *rdata_len = 4;
        break;
    case 4: /* boot info acknowledge */
        rdata[3] = 0;
        rdata[4] = 0;
        *rdata_len = 5;
        break;
    case 5:
        read_flags(rdata + 3);
        *rdata_len = 8;
        break;
    default:
        rdata[0] = 0x80; /* parameter not supported */
        *rdata_len = 1;
    }
}

int ipmi_sim_module_init(sys_data_t *sys, const char *initstr) {
    int rv;

    (void) sys;
    if (!initstr || !*initstr) {
        return EINVAL;
    }
    bootdev_file = strdup(initstr);
    if (!bootdev_file) {
        return ENOMEM;
    }
    rv = ipmi_emu_register_cmd_handler(IPMI_CHASSIS_NETFN, IPMI_SET_SYSTEM_BOOT_OPTIONS_CMD, set_boot_options,
                                       NULL);
    if (!rv) {
        rv = ipmi_emu_register_cmd_handler(IPMI_CHASSIS_NETFN, IPMI_GET_SYSTEM_BOOT_OPTIONS_CMD, get_boot_options,
                                           NULL);
    }
    return rv;
}
