package cn.gov.lvliang.renewal.system;

import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.infra.Directories;

/**
 * What a system test's suite leaves behind: its databases and broker logs (about 100 MiB a suite)
 * are deleted when it stops, its applications' logs stay in the state directory the test printed.
 */
final class SuiteState {

    private SuiteState() {}

    /** Stops the suite, if it started, and deletes its data directory. */
    static void stop(DevStack suite) {
        if (suite == null) {
            return;
        }
        suite.close();
        Directories.deleteRecursively(suite.options().dataDirectory());
    }
}
