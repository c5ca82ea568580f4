// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

/** The smoke suite on Payara Server 6 (README "Deploying mail.ear", "Payara Server 6"). */
class PayaraServerSmokeIT extends AppServerSmoke {

    @Override
    AppServer newServer() {
        return new PayaraServer();
    }
}
