// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

/** The smoke suite on WildFly 39 (README "Deploying mail.ear", "WildFly 39"). */
class WildFlySmokeIT extends AppServerSmoke {

    @Override
    AppServer newServer() {
        return new WildFlyServer();
    }
}
