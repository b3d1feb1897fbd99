package io.ferrum.provisioning.pipeline;

/**
 * The os-install kind's work on one server: drives the server's own provisioning state machine until it is active
 * or failed, and finishes the task. Resumable: called again for a task left running by a dead node, it continues
 * from the server's stored state instead of starting over.
 *
 * @see io.ferrum.provisioning.baremetal.OsInstaller
 */
public interface ServerInstall {

    /** @throws io.ferrum.provisioning.driver.DriverException when the BMC fails; the engine retries if it may */
    void install(RunView run, TaskView task);
}
