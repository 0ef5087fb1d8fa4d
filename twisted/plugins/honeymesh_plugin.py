from twisted.application.service import ServiceMaker

honeymesh = ServiceMaker(
    "HoneyMesh", "honeymesh.tap", "Network-defense appliance: traps, XDP bans, mesh.", "honeymesh"
)
