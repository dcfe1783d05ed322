#define BOOST_TEST_MODULE exporter_tests
#include <boost/test/unit_test.hpp>
