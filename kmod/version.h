/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ARPPROXY_VERSION_H
#define _ARPPROXY_VERSION_H

#define ARPPROXY_VERSION "0.1.0"

#endif /* _ARPPROXY_VERSION_H */
