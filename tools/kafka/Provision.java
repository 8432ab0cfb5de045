import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Applies the plan of tools/kafka/kafka-access.ts (on stdin) to a running broker: the SCRAM-SHA-512 credentials of
 * every user in it (upserted), and exactly the planned ACLs of the users that have any (missing ones created, others
 * of the same principals deleted). Connects as the admin with the given mechanism: SCRAM-SHA-512 normally, PLAIN on
 * the one start that brings SASL to a data folder formatted without it (kafka.sh's bootstrap start), where no SCRAM
 * user exists yet. With SCRAM, it then waits until the broker shows every planned ACL, so that whoever started the
 * broker can connect as soon as this returns.
 * The admin's password is the plan's `user admin` line (on stdin, so that no password shows in the process list).
 * Run by tools/kafka/kafka.sh: java -cp '<kafka jars>/*:<classes>' Provision <broker> <mechanism> < plan
 */
public final class Provision {
  public static void main(String[] args) throws Exception {
    String broker = args[0], mechanism = args[1], adminPassword = null;
    List<UserScramCredentialAlteration> users = new ArrayList<>();
    List<AclBinding> wanted = new ArrayList<>();
    Set<String> managed = new HashSet<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        String[] f = line.trim().split(" ");
        if (f[0].equals("user")) {
          if (f[1].equals("admin")) adminPassword = f[2];
          users.add(new UserScramCredentialUpsertion(f[1], new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), f[2]));
        } else if (f[0].equals("acl")) {
          managed.add("User:" + f[1]);
          wanted.add(new AclBinding(
              new ResourcePattern(ResourceType.fromString(f[2]), f[4], PatternType.fromString(f[3])),
              new AccessControlEntry("User:" + f[1], "*", AclOperation.fromString(f[5]), AclPermissionType.ALLOW)));
        } else if (!f[0].isEmpty()) {
          throw new IllegalArgumentException("Unknown plan line: " + f[0]);
        }
      }
    }
    if (adminPassword == null) throw new IllegalArgumentException("The plan has no user admin");
    try (Admin admin = Admin.create(clientProperties(broker, mechanism, adminPassword))) {
      admin.alterUserScramCredentials(users).all().get(60, TimeUnit.SECONDS);
      Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(60, TimeUnit.SECONDS));
      List<AclBindingFilter> stale = new ArrayList<>();
      for (AclBinding binding : present) {
        if (managed.contains(binding.entry().principal()) && !wanted.contains(binding)) stale.add(binding.toFilter());
      }
      List<AclBinding> missing = new ArrayList<>();
      for (AclBinding binding : wanted) if (!present.contains(binding)) missing.add(binding);
      if (!stale.isEmpty()) admin.deleteAcls(stale).all().get(60, TimeUnit.SECONDS);
      if (!missing.isEmpty()) admin.createAcls(missing).all().get(60, TimeUnit.SECONDS);
      System.out.printf("kafka: provisioned %d users and %d ACLs (%d added, %d removed)%n", users.size(), wanted.size(), missing.size(), stale.size());
      if (!mechanism.equals("SCRAM-SHA-512")) return;
      // The broker's own view of users and ACLs follows the controller's a moment later.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS)).containsAll(wanted)) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("the broker does not show the planned ACLs within 60 s");
        Thread.sleep(200);
      }
    }
  }

  private static Properties clientProperties(String broker, String mechanism, String password) {
    String loginModule = mechanism.equals("PLAIN")
        ? "org.apache.kafka.common.security.plain.PlainLoginModule"
        : "org.apache.kafka.common.security.scram.ScramLoginModule";
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker);
    props.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    props.put("sasl.mechanism", mechanism);
    props.put("sasl.jaas.config", loginModule + " required username=\"admin\" password=\"" + password + "\";");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
    return props;
  }
}
